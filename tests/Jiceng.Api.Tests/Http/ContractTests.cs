using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Http;

/// <summary>
/// The OpenAPI document says what the validators enforce, so a client generated from it is not refused for a field
/// the document called optional. Every JSON request body is sent empty (<c>{}</c>: every property missing at once),
/// and every object-valued property is sent as <c>{}</c> too; each field the 400 names must be listed as required.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ContractTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Every_field_refused_when_missing_is_required_in_the_document()
    {
        var document = await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var undocumented = new List<string>();
        var probed = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (
                    !operation.Value.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var json)
                )
                {
                    continue;
                }
                var url = path.Name.Replace("{year}", "2025", StringComparison.Ordinal);
                url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", _ => Guid.NewGuid().ToString());
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var schema = Resolve(schemas, json.GetProperty("schema"));
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                undocumented.AddRange(await Missing(method, url, "{}", schema, "", where));
                probed++;
                foreach (var property in schema.GetProperty("properties").EnumerateObject())
                {
                    if (
                        Resolve(schemas, property.Value) is { ValueKind: JsonValueKind.Object } nested
                        && nested.TryGetProperty("properties", out _)
                    )
                    {
                        undocumented.AddRange(
                            await Missing(
                                method,
                                url,
                                $"{{\"{property.Name}\":{{}}}}",
                                nested,
                                property.Name + ".",
                                where
                            )
                        );
                    }
                }
            }
        }
        Assert.That(probed, Is.GreaterThan(30));
        Assert.That(undocumented, Is.Empty, string.Join("\n", undocumented));
    }

    [Test]
    public async Task The_document_names_the_fields_the_organization_and_member_forms_require()
    {
        var schemas = (await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK))
            .GetProperty("components")
            .GetProperty("schemas");
        string[] Required(string name) =>
            [.. schemas.GetProperty(name).GetProperty("required").EnumerateArray().Select(e => e.GetString()!)];
        Assert.That(Required("CreateOrganizationCommand"), Is.SupersetOf(new[] { "name", "kind", "field" }));
        Assert.That(
            Required("CreateMemberRequest"),
            Is.SupersetOf(new[] { "organizationId", "name", "idNumber", "category", "stage" })
        );
        var name = schemas.GetProperty("CreateOrganizationCommand").GetProperty("properties").GetProperty("name");
        Assert.That(
            (name.GetProperty("minLength").GetInt32(), name.GetProperty("maxLength").GetInt32()),
            Is.EqualTo((1, 100))
        );
        var username = schemas.GetProperty("CreateUserRequest").GetProperty("properties").GetProperty("username");
        Assert.That(username.GetProperty("pattern").GetString(), Is.EqualTo("^[A-Za-z0-9._-]+$"));
        var months = schemas.GetProperty("ExtendProbationRequest").GetProperty("properties").GetProperty("months");
        Assert.That(
            (months.GetProperty("minimum").GetInt32(), months.GetProperty("maximum").GetInt32()),
            Is.EqualTo((1, 60))
        );
        Assert.That(months.TryGetProperty("nullable", out _), Is.False, "a required number is not nullable");
    }

    [Test]
    public async Task Every_enumeration_in_the_document_carries_its_chinese_and_english_labels()
    {
        var schemas = (await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK))
            .GetProperty("components")
            .GetProperty("schemas");
        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToList();
        var unlabelled = new List<string>();
        foreach (var schema in enums)
        {
            schema.Value.TryGetProperty("x-enum-labels", out var labels);
            foreach (var value in schema.Value.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!))
            {
                if (
                    labels.ValueKind != JsonValueKind.Object
                    || !labels.TryGetProperty(value, out var label)
                    || string.IsNullOrWhiteSpace(label.GetProperty("zh-CN").GetString())
                    || string.IsNullOrWhiteSpace(label.GetProperty("en-US").GetString())
                    || !schema
                        .Value.GetProperty("description")
                        .GetString()!
                        .Contains($"`{value}`", StringComparison.Ordinal)
                )
                {
                    unlabelled.Add($"{schema.Name}.{value}");
                }
            }
        }
        Assert.That(enums, Has.Count.GreaterThan(20));
        Assert.That(unlabelled, Is.Empty, string.Join("\n", unlabelled));
        var kind = schemas.GetProperty("OrganizationKind").GetProperty("x-enum-labels").GetProperty("Committee");
        Assert.That(
            (kind.GetProperty("zh-CN").GetString(), kind.GetProperty("en-US").GetString()),
            Is.EqualTo(("党委", "Party committee"))
        );
    }

    /// <summary>
    /// The fields a 400 names under <paramref name="prefix"/> that the schema does not list as required.
    /// </summary>
    private async Task<IEnumerable<string>> Missing(
        HttpMethod method,
        string url,
        string body,
        JsonElement schema,
        string prefix,
        string where
    )
    {
        var response = await SendRaw(method, url, body, ifMatch: "\"1\"");
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return [];
        }
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (!problem.TryGetProperty("errors", out var errors))
        {
            return [];
        }
        // A field one of whose alternatives (anyOf) is required is documented too: the validator needs one of them.
        var alternatives = schema.TryGetProperty("anyOf", out var anyOf) ? anyOf.EnumerateArray() : default;
        var required = new[] { schema }
            .Concat(alternatives)
            .Where(s => s.TryGetProperty("required", out _))
            .SelectMany(s => s.GetProperty("required").EnumerateArray().Select(e => e.GetString()))
            .ToHashSet();
        var properties = schema.GetProperty("properties");
        return errors
            .EnumerateObject()
            .Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => e.Name[prefix.Length..].Split('.', '[')[0])
            .Where(field => properties.TryGetProperty(field, out _) && !required.Contains(field))
            .Distinct()
            .Select(field => $"{where}: '{prefix}{field}' is refused when missing but not required in the schema");
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        return schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1
            ? Resolve(schemas, all[0])
            : schema;
    }
}
