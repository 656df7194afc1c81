using System.Reflection;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetArchTest.Rules;

namespace Jiceng.Tests.Architecture;

/// <summary>The house rules of DESIGN.md §2, checked on the compiled API and its source.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Api = typeof(Jiceng.Infrastructure.Database.DbSession).Assembly;

    private static IEnumerable<string> Modules() =>
        Api.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("Jiceng.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2])
            .Distinct();

    [Test]
    public void Only_contracts_and_module_entry_points_are_public_in_a_module()
    {
        var offenders = Api.GetTypes()
            .Where(t => t.IsPublic || t.IsNestedPublic && t.DeclaringType!.IsPublic)
            .Where(t => t.Namespace?.StartsWith("Jiceng.Modules.", StringComparison.Ordinal) == true)
            .Where(t =>
                !t.Namespace!.EndsWith(".Contracts", StringComparison.Ordinal)
                && !t.Name.EndsWith("Module", StringComparison.Ordinal)
            )
            .Select(t => t.FullName)
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void A_module_uses_another_module_only_through_its_contracts()
    {
        var modules = Modules().ToList();
        Assert.That(modules, Does.Contain("Organizations"));
        foreach (var module in modules)
        {
            // Another module's sub-namespaces except Contracts, and the
            // types of its root namespace except its *Module entry point.
            var forbidden = Api.GetTypes()
                .Where(t =>
                    t.Namespace?.StartsWith("Jiceng.Modules.", StringComparison.Ordinal) == true
                    && t.Namespace.Split('.')[2] != module
                )
                .Where(t =>
                    !t.Namespace!.EndsWith(".Contracts", StringComparison.Ordinal)
                    && !t.Name.EndsWith("Module", StringComparison.Ordinal)
                )
                .Select(t => t.Namespace!.Split('.').Length > 3 ? t.Namespace! : t.FullName!.Split('+')[0])
                .Distinct()
                .ToArray();
            if (forbidden.Length == 0)
            {
                continue;
            }
            var result = Types
                .InAssembly(Api)
                .That()
                .ResideInNamespace($"Jiceng.Modules.{module}")
                .ShouldNot()
                .HaveDependencyOnAny(forbidden)
                .GetResult();
            Assert.That(
                result.IsSuccessful,
                Is.True,
                $"{module} reaches into: {string.Join(", ", result.FailingTypeNames ?? [])}"
            );
        }
    }

    /// <summary>
    /// A use-case folder is not a library: what two slices share lives in the module's Domain (or its root), so a
    /// slice can be read, changed or deleted without reading another. Domain and Contracts use no slice either.
    /// </summary>
    [Test]
    public void A_use_case_uses_no_other_use_case()
    {
        static string[] Parts(Type t) => (t.Namespace ?? "").Split('.');
        static bool IsSlice(Type t) =>
            Parts(t) is ["Jiceng", "Modules", _, var folder] && folder is not ("Domain" or "Contracts");
        var slices = Api.GetTypes()
            .Where(IsSlice)
            .GroupBy(t => t.Namespace!)
            .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!.Split('+')[0]).Distinct().ToArray());
        Assert.That(slices.Keys, Does.Contain("Jiceng.Modules.Members.ListMembers"));
        var sources = slices
            .Keys.Concat(
                Api.GetTypes()
                    .Where(t => Parts(t) is ["Jiceng", "Modules", _, "Domain" or "Contracts"])
                    .Select(t => t.Namespace!)
            )
            .Distinct();
        var offenders = new List<string>();
        foreach (var source in sources)
        {
            var module = string.Join('.', source.Split('.').Take(3)) + ".";
            var others = slices
                .Where(s => s.Key != source && s.Key.StartsWith(module, StringComparison.Ordinal))
                .SelectMany(s => s.Value)
                .ToArray();
            var result = Types
                .InAssembly(Api)
                .That()
                .ResideInNamespaceMatching($"^{Regex.Escape(source)}$")
                .ShouldNot()
                .HaveDependencyOnAny(others)
                .GetResult();
            offenders.AddRange(result.FailingTypeNames ?? []);
        }
        Assert.That(offenders, Is.Empty, "Uses another use case's types: " + string.Join(", ", offenders));
    }

    /// <summary>
    /// A unique index that refuses a row is a lost race with the statement's own check, so it becomes the same
    /// 409 in one way: <c>ExecuteOrConflictAsync</c> with the module's refusal, never a catch in a handler.
    /// </summary>
    [Test]
    public void A_unique_key_conflict_becomes_409_in_one_way()
    {
        var offenders = Directory
            .GetFiles(Path.Combine(Paths.Api, "Modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                File.ReadAllText(f) is var text
                && (
                    text.Contains("IsUniqueViolation", StringComparison.Ordinal)
                    || text.Contains("catch (DbException", StringComparison.Ordinal)
                )
            )
            .Select(f => Path.GetRelativePath(Paths.Api, f))
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    /// <summary>
    /// Each table has one owner (a module's <c>Tables</c>, or Infrastructure's), and every constant statement names
    /// only its owner's tables; Infrastructure's tables may be read by any module but written only by Infrastructure.
    /// A benchmark bare twin may read the tables of what it mirrors (the slice reads them through a contract).
    /// </summary>
    [Test]
    public void A_module_names_only_its_own_tables_in_its_sql()
    {
        const string infrastructure = "Infrastructure";
        var owners = new Dictionary<string, string>();
        var declared = Modules()
            .Select(m => (Module: m, Type: Api.GetType($"Jiceng.Modules.{m}.{m}Module")))
            .Select(d =>
                (
                    d.Module,
                    Tables: (IReadOnlyList<string>?)
                        d.Type?.GetField("Tables", BindingFlags.Static | BindingFlags.NonPublic)?.GetValue(null)
                )
            )
            .Append((Module: infrastructure, Tables: Jiceng.Infrastructure.Database.InfrastructureTables.Names))
            .ToList();
        Assert.Multiple(() =>
        {
            foreach (var (module, tables) in declared)
            {
                Assert.That(tables, Is.Not.Null.And.Not.Empty, $"{module} declares the tables it owns");
                foreach (var table in tables ?? [])
                {
                    Assert.That(owners.TryAdd(table, module), Is.True, $"{table} has one owner");
                }
            }
        });
        var created = Directory
            .GetFiles(Path.Combine(Paths.Api, "Migrations"), "*.cs")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"Create\s*\.Table\(""([a-z_0-9]+)""\)"))
            .Select(m => m.Groups[1].Value)
            .ToHashSet();
        Assert.That(owners.Keys, Is.EquivalentTo(created), "every table the migrations create has an owner");

        var reference = new Regex(@"\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_][a-z_0-9]*)\b");
        var offenders = new List<string>();
        foreach (var type in Api.GetTypes())
        {
            var parts = (type.Namespace ?? "").Split('.');
            var owner =
                parts is ["Jiceng", "Modules", var m, ..] ? m
                : parts is ["Jiceng", "Infrastructure", ..] ? infrastructure
                : null;
            if (owner is null)
            {
                continue;
            }
            var twin = type.Name.EndsWith("BareTwinEndpoint", StringComparison.Ordinal);
            var constants = type.GetFields(
                    BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly
                )
                .Where(f => f.IsLiteral && f.FieldType == typeof(string));
            foreach (var field in constants)
            {
                foreach (Match match in reference.Matches((string)field.GetRawConstantValue()!))
                {
                    var table = match.Groups[2].Value;
                    if (!owners.TryGetValue(table, out var tableOwner) || tableOwner == owner)
                    {
                        continue;
                    }
                    var reads =
                        match.Groups[1].Value is "FROM" or "JOIN"
                        && !match.Result("$`").TrimEnd().EndsWith("DELETE", StringComparison.Ordinal);
                    if (reads && (tableOwner == infrastructure || twin))
                    {
                        continue;
                    }
                    offenders.Add($"{type.FullName}.{field.Name} names {table} ({tableOwner})");
                }
            }
        }
        Assert.That(offenders, Is.Empty, string.Join("; ", offenders));
    }

    [Test]
    public void Infrastructure_knows_no_module()
    {
        var result = Types
            .InAssembly(Api)
            .That()
            .ResideInNamespace("Jiceng.Infrastructure")
            .ShouldNot()
            .HaveDependencyOn("Jiceng.Modules")
            .GetResult();
        Assert.That(result.IsSuccessful, Is.True, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Test]
    public void Messages_handlers_validators_and_endpoints_are_named_for_what_they_are()
    {
        var types = Api.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Jiceng.Modules.", StringComparison.Ordinal) == true && !t.IsNested)
            .ToList();
        static bool Implements(Type type, Type open) =>
            type.GetInterfaces().Any(i => i == open || i.IsGenericType && i.GetGenericTypeDefinition() == open);
        Assert.Multiple(() =>
        {
            foreach (var type in types)
            {
                if (Implements(type, typeof(IBaseCommand)))
                {
                    Assert.That(type.Name, Does.EndWith("Command"), type.FullName);
                }
                if (Implements(type, typeof(IBaseQuery)))
                {
                    Assert.That(type.Name, Does.EndWith("Query"), type.FullName);
                }
                if (
                    Implements(type, typeof(ICommandHandler<,>))
                    || Implements(type, typeof(ICommandHandler<>))
                    || Implements(type, typeof(IQueryHandler<,>))
                )
                {
                    Assert.That(type.Name, Does.EndWith("Handler"), type.FullName);
                    Assert.That(type.IsSealed && !type.IsPublic, Is.True, $"{type.FullName} is internal sealed");
                }
                if (
                    type.BaseType is { IsGenericType: true } b
                    && b.GetGenericTypeDefinition() == typeof(FluentValidation.AbstractValidator<>)
                )
                {
                    Assert.That(type.Name, Does.EndWith("Validator"), type.FullName);
                }
            }
        });
    }

    [Test]
    public void Each_use_case_folder_holds_its_message_and_its_endpoint()
    {
        foreach (var moduleDirectory in Directory.GetDirectories(Path.Combine(Paths.Api, "Modules")))
        {
            foreach (
                var useCase in Directory
                    .GetDirectories(moduleDirectory)
                    .Where(d => Path.GetFileName(d) is not ("Contracts" or "Domain"))
            )
            {
                var name = Path.GetFileName(useCase);
                Assert.That(File.Exists(Path.Combine(useCase, name + ".cs")), Is.True, $"{name}/{name}.cs");
                Assert.That(Directory.GetFiles(useCase, "*Endpoint.cs"), Is.Not.Empty, $"{name} has an endpoint");
            }
        }
    }

    /// <summary>
    /// SQL text lives only in <c>const string</c> fields, which the compiler guarantees hold no runtime value;
    /// so no request data can ever be concatenated or interpolated into a statement.
    /// </summary>
    [Test]
    public void Sql_is_written_only_in_const_strings()
    {
        var keyword = new System.Text.RegularExpressions.Regex(
            @"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA)\b"
        );
        var offenders = new List<string>();
        foreach (
            var file in Directory
                .GetFiles(Paths.Api, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
        )
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                var text = node switch
                {
                    InterpolatedStringExpressionSyntax interpolated => interpolated.ToString(),
                    LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal
                        .Token
                        .ValueText,
                    _ => null,
                };
                if (text is null || !keyword.IsMatch(text))
                {
                    continue;
                }
                var inConst =
                    node is LiteralExpressionSyntax
                    && node.Ancestors()
                        .OfType<FieldDeclarationSyntax>()
                        .Any(f => f.Modifiers.Any(SyntaxKind.ConstKeyword));
                if (!inConst)
                {
                    offenders.Add(
                        $"{Path.GetRelativePath(Paths.Api, file)}:"
                            + $"{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}"
                    );
                }
            }
        }
        Assert.That(offenders, Is.Empty, "SQL outside a const string: " + string.Join(", ", offenders));
    }
}

/// <summary>
/// Refusals (DESIGN.md §10): each module has one catalog of them, a static class named <c>*Errors</c> in its Domain/,
/// and nothing else in the module creates a <c>BusinessRuleException</c>, so every code, text and detail of a
/// module's 409s is found in one place.
/// </summary>
public sealed class RefusalCatalogTests
{
    [Test]
    public void Only_a_modules_catalog_creates_its_business_rule_exceptions()
    {
        var offenders = new List<string>();
        foreach (var module in Directory.GetDirectories(Path.Combine(Paths.Api, "Modules")))
        {
            var catalogs = new HashSet<string>();
            foreach (var file in Directory.GetFiles(module, "*.cs", SearchOption.AllDirectories))
            {
                foreach (var (owner, line) in Creations(File.ReadAllText(file)))
                {
                    var inDomain = Path.GetDirectoryName(file) == Path.Combine(module, "Domain");
                    if (inDomain && owner.EndsWith("Errors", StringComparison.Ordinal))
                    {
                        catalogs.Add(owner);
                    }
                    else
                    {
                        offenders.Add($"{Path.GetRelativePath(Paths.Api, file)}:{line} ({owner})");
                    }
                }
            }
            Assert.That(
                catalogs,
                Has.Count.LessThanOrEqualTo(1),
                $"{Path.GetFileName(module)} has one catalog of refusals"
            );
        }
        Assert.That(
            offenders,
            Is.Empty,
            "BusinessRuleException created outside the module's catalog: " + string.Join(", ", offenders)
        );
    }

    [Test]
    public void Every_module_that_refuses_has_its_catalog()
    {
        var catalogs = new[]
        {
            ("Accounts", "AccountErrors"),
            ("Assistance", "AssistanceErrors"),
            ("Calendar", "CalendarErrors"),
            ("Dividends", "DividendsErrors"),
            ("Members", "MemberErrors"),
            ("Organizations", "OrganizationErrors"),
            ("Volunteering", "VolunteeringErrors"),
        };
        foreach (var (module, catalog) in catalogs)
        {
            var type = typeof(Jiceng.Infrastructure.Database.DbSession).Assembly.GetType(
                $"Jiceng.Modules.{module}.Domain.{catalog}"
            );
            Assert.That(type, Is.Not.Null, $"{module} has {catalog} in its Domain");
        }
    }

    /// <summary>The scan sees every way C# can create the exception, so a refusal cannot slip past it.</summary>
    [Test]
    public void The_scan_finds_explicit_qualified_and_target_typed_creations()
    {
        const string source = """
            class Slice
            {
                void A() => throw new BusinessRuleException("a", "甲", "A");
                void B() => throw new Infrastructure.Http.BusinessRuleException("b", "乙", "B");
                static BusinessRuleException C() => new("c", "丙", "C");
                static BusinessRuleException D { get { return new("d", "丁", "D"); } }
                void E() { BusinessRuleException e = new("e", "戊", "E"); }
                object F() => new System.Exception("not a refusal");
            }
            """;
        Assert.That(Creations(source).Select(c => c.Line), Is.EqualTo(new[] { 3, 4, 5, 6, 7 }));
    }

    /// <summary>Each creation of a BusinessRuleException in the source: the class that holds it and its line.</summary>
    private static IEnumerable<(string Owner, int Line)> Creations(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            var created = creation switch
            {
                ObjectCreationExpressionSyntax explicitType => IsRefusal(explicitType.Type),
                ImplicitObjectCreationExpressionSyntax => TargetIsRefusal(creation),
                _ => false,
            };
            if (created)
            {
                var owner =
                    creation.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "?";
                yield return (owner, creation.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
            }
        }
    }

    private static bool IsRefusal(TypeSyntax? type) =>
        type switch
        {
            IdentifierNameSyntax name => name.Identifier.Text == "BusinessRuleException",
            QualifiedNameSyntax qualified => qualified.Right.Identifier.Text == "BusinessRuleException",
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text == "BusinessRuleException",
            _ => false,
        };

    /// <summary>
    /// A target-typed <c>new(...)</c> takes its type from the member it returns from or the variable it initializes.
    /// </summary>
    private static bool TargetIsRefusal(SyntaxNode creation)
    {
        foreach (var ancestor in creation.Ancestors())
        {
            switch (ancestor)
            {
                case VariableDeclarationSyntax variable:
                    return IsRefusal(variable.Type);
                case MethodDeclarationSyntax method:
                    return IsRefusal(method.ReturnType);
                case LocalFunctionStatementSyntax local:
                    return IsRefusal(local.ReturnType);
                case PropertyDeclarationSyntax property:
                    return IsRefusal(property.Type);
                case ArgumentSyntax or AnonymousFunctionExpressionSyntax or ObjectCreationExpressionSyntax:
                    return false;
            }
        }
        return false;
    }
}

/// <summary>
/// A pipeline step writes in one conditional statement that owns its whole guard: each step's UPDATE, written out
/// in its slice, ends with the guard the step object supplies the parameters of.
/// </summary>
public sealed class PipelineStepShapeTests
{
    [Test]
    public void Every_step_statement_carries_the_whole_guard()
    {
        var guard = Normalize(Jiceng.Modules.Members.Domain.MemberStep.Guard);
        var handlers = typeof(Jiceng.Modules.Members.Domain.MemberStep)
            .Assembly.GetTypes()
            .Where(t =>
                t.GetConstructors()
                    .Any(c =>
                        c.GetParameters().Any(p => p.ParameterType == typeof(Jiceng.Modules.Members.Domain.MemberSteps))
                    )
            )
            .ToList();
        Assert.That(handlers, Has.Count.GreaterThanOrEqualTo(7), "the seven pipeline steps start through MemberSteps");
        foreach (var handler in handlers)
        {
            var statement = handler.GetField("AdvanceSql", BindingFlags.NonPublic | BindingFlags.Static);
            Assert.That(statement, Is.Not.Null, $"{handler.Name} writes its step in a const AdvanceSql");
            var sql = Normalize((string)statement!.GetRawConstantValue()!);
            Assert.That(sql, Does.StartWith("UPDATE members SET"), handler.Name);
            Assert.That(sql, Does.Contain(guard), $"{handler.Name}'s statement carries the whole guard");
        }
    }

    private static string Normalize(string sql) =>
        System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
}

public sealed class AuditLogTests
{
    [Test]
    public void No_statement_updates_or_deletes_the_audit_log()
    {
        var statements = typeof(Jiceng.Infrastructure.Database.DbSession)
            .Assembly.GetTypes()
            .SelectMany(t =>
                t.GetFields(
                    BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly
                )
            )
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.DeclaringType!.Name + "." + f.Name, Sql: (string)f.GetRawConstantValue()!))
            .ToList();
        var offenders = statements.Where(s =>
            System.Text.RegularExpressions.Regex.IsMatch(
                s.Sql,
                @"(UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log|TRUNCATE)",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase
            )
        );
        Assert.That(statements.Any(s => s.Sql.Contains("INSERT INTO audit_log", StringComparison.Ordinal)), Is.True);
        Assert.That(offenders.Select(o => o.Name), Is.Empty);
    }
}

internal static class Paths
{
    public static readonly string Repository = FindRepository();

    public static string Api => Path.Combine(Repository, "api");

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Api.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Api.sln not found above the test binaries.");
    }
}
