using System.Text.Json;
using Jiceng.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jiceng.Tests.Unit;

public sealed class ProblemDetailsTests
{
    [Test]
    public async Task An_unexpected_exception_becomes_a_500_problem_without_internals()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ProblemDetailsExceptionHandler(
            services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<ProblemDetailsExceptionHandler>.Instance
        );

        var handled = await handler.TryHandleAsync(
            context,
            new InvalidOperationException("connection string Password=hunter2 at Secret.cs:42"),
            CancellationToken.None
        );

        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Multiple(() =>
        {
            Assert.That(handled, Is.True);
            Assert.That(context.Response.StatusCode, Is.EqualTo(500));
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32(), Is.EqualTo(500));
            Assert.That(
                body,
                Does.Not.Contain("hunter2").And.Not.Contain("Secret.cs").And.Not.Contain("InvalidOperationException")
            );
        });
    }

    [TestCase("Body.DueOn", "dueOn")]
    [TestCase("Body.Document.TermWarningDays.Value", "document.termWarningDays.value")]
    [TestCase("Reasons[0]", "reasons[0]")]
    [TestCase("", "body")]
    public void Field_keys_are_the_json_names(string property, string key) =>
        Assert.That(ProblemDetailsExceptionHandler.FieldKey(property), Is.EqualTo(key));
}
