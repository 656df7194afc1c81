using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.WholeRun;

/// <summary>
/// Each status any test's API answered in this run (<see cref="ResponseRecorder"/>) is documented for its operation.
/// NUnit runs namespaces in name order, so this one (WholeRun) comes after every other; NUnit does not promise that
/// order, so should it change this test checks less (what ran before it), never wrongly. A OneTimeTearDown cannot do
/// it: NUnit's adapter prints a teardown failure but passes the run.
/// </summary>
[TestFixture]
public sealed class DocumentedResponsesOfTheRunTests
{
    [Test]
    public async Task Every_status_answered_in_the_run_is_documented_for_its_operation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?>());
        using var client = factory.CreateClient();
        var document = await Json.Read(await client.GetAsync("/swagger/v1/swagger.json"), HttpStatusCode.OK);

        var missing = ResponseRecorder.Undocumented(document);

        Assert.That(
            missing,
            Is.Empty,
            "Statuses answered in this run but not in the OpenAPI document:\n" + string.Join("\n", missing)
        );
    }
}
