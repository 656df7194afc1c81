using System.Text.Json;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.AddRectificationNote;
using Jiceng.Modules.Organizations.CloseRectification;
using Jiceng.Modules.Organizations.CreateCoalition;
using Jiceng.Modules.Organizations.CreateOrganization;
using Jiceng.Modules.Organizations.CreatePairing;
using Jiceng.Modules.Organizations.Domain;
using Jiceng.Modules.Organizations.OpenRectification;
using Jiceng.Modules.Organizations.RecordGrading;
using Mediator;

namespace Jiceng.Modules.Organizations;

/// <summary>
/// The demo tree from the source articles (scripts/seed/demo-organizations.json), written through the
/// module's own commands so every rule applies, in one transaction, and only into an empty tree.
/// </summary>
internal sealed class OrganizationsDemoSeeder(IServiceScopeFactory scopes, ILogger<OrganizationsDemoSeeder> logger)
    : IDemoSeeder
{
    public const string FileName = "demo-organizations.json";

    private const string CountOrganizationsSql = "SELECT COUNT(*) FROM organizations";

    public async Task SeedAsync(string seedDirectory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(seedDirectory, FileName);
        if (!File.Exists(file))
        {
            logger.LogWarning("No demo organizations at {File}", file);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        if (await db.ExecuteScalarAsync<long>(CountOrganizationsSql, null, cancellationToken) > 0)
        {
            return;
        }
        var seed =
            JsonSerializer.Deserialize<DemoSeed>(
                await File.ReadAllTextAsync(file, cancellationToken),
                RuleSetDocument.Json
            ) ?? throw new InvalidOperationException($"{file} is empty.");

        await db.BeginAsync(cancellationToken);
        var ids = new Dictionary<string, Guid>();
        foreach (var root in seed.Organizations)
        {
            await CreateTree(mediator, root, null, ids, cancellationToken);
        }
        foreach (var grading in seed.Gradings)
        {
            await mediator.Send(
                new RecordGradingCommand(
                    ids[grading.Org],
                    new RecordGradingRequest(
                        grading.Year,
                        grading.Level,
                        grading.Score,
                        grading.Comment,
                        new DateOnly(grading.Year + 1, 1, 15)
                    )
                ),
                cancellationToken
            );
        }
        foreach (var r in seed.Rectifications)
        {
            var opened = await mediator.Send(
                new OpenRectificationCommand(
                    ids[r.Org],
                    new RectificationFields(r.Reasons, r.Plan, r.ResponsiblePerson, r.FlaggedOn, r.DueOn)
                ),
                cancellationToken
            );
            var version = opened.Version;
            foreach (var note in r.Notes ?? [])
            {
                version = (
                    await mediator.Send(
                        new AddRectificationNoteCommand(
                            ids[r.Org],
                            opened.Id,
                            new AddRectificationNoteRequest(note.NotedOn, note.Content)
                        ),
                        cancellationToken
                    )
                ).Version;
            }
            if (r.ClosedOn is not null)
            {
                await mediator.Send(
                    new CloseRectificationCommand(
                        ids[r.Org],
                        opened.Id,
                        version,
                        new CloseRectificationRequest(r.ClosedOn, r.ClosureNote ?? "整改完成，销号。")
                    ),
                    cancellationToken
                );
            }
        }
        foreach (var p in seed.Pairings)
        {
            await mediator.Send(
                new CreatePairingCommand(
                    ids[p.Org],
                    new CreatePairingRequest(ids[p.Partner], p.Kind, p.StartsOn, p.EndsOn, p.Notes)
                ),
                cancellationToken
            );
        }
        foreach (var c in seed.Coalitions)
        {
            await mediator.Send(
                new CreateCoalitionCommand(
                    new CoalitionFields(c.Name, c.Description, c.Members.Select(m => ids[m]).ToList())
                ),
                cancellationToken
            );
        }
        await db.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Seeded {Organizations} demo organizations, {Gradings} gradings, {Rectifications} rectifications, "
                + "{Pairings} pairings, {Coalitions} coalitions",
            ids.Count,
            seed.Gradings.Count,
            seed.Rectifications.Count,
            seed.Pairings.Count,
            seed.Coalitions.Count
        );
    }

    private static async Task CreateTree(
        IMediator mediator,
        DemoOrganization node,
        Guid? parentId,
        Dictionary<string, Guid> ids,
        CancellationToken cancellationToken
    )
    {
        var created = await mediator.Send(
            new CreateOrganizationCommand(
                parentId,
                node.Name,
                node.ShortName,
                node.Kind,
                node.Field,
                node.SecretaryName,
                node.EstablishedOn,
                node.TermStartedOn,
                node.Description
            ),
            cancellationToken
        );
        ids[node.Key] = created.Id;
        foreach (var child in node.Children ?? [])
        {
            await CreateTree(mediator, child, created.Id, ids, cancellationToken);
        }
    }

    private sealed record DemoSeed(
        IReadOnlyList<DemoOrganization> Organizations,
        IReadOnlyList<DemoGrading> Gradings,
        IReadOnlyList<DemoRectification> Rectifications,
        IReadOnlyList<DemoPairing> Pairings,
        IReadOnlyList<DemoCoalition> Coalitions
    );

    private sealed record DemoOrganization(
        string Key,
        string Name,
        string? ShortName,
        OrganizationKind Kind,
        OrganizationField Field,
        string? SecretaryName,
        DateOnly? EstablishedOn,
        DateOnly? TermStartedOn,
        string? Description,
        IReadOnlyList<DemoOrganization>? Children
    );

    private sealed record DemoGrading(string Org, int Year, string Level, int? Score, string? Comment);

    private sealed record DemoNote(DateOnly NotedOn, string Content);

    private sealed record DemoRectification(
        string Org,
        IReadOnlyList<string> Reasons,
        string Plan,
        string ResponsiblePerson,
        DateOnly FlaggedOn,
        DateOnly DueOn,
        IReadOnlyList<DemoNote>? Notes,
        DateOnly? ClosedOn,
        string? ClosureNote
    );

    private sealed record DemoPairing(
        string Org,
        string Partner,
        PairingKind Kind,
        DateOnly StartsOn,
        DateOnly? EndsOn,
        string? Notes
    );

    private sealed record DemoCoalition(string Name, string? Description, IReadOnlyList<string> Members);
}
