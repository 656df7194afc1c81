using System.Text;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Tests.Unit;

/// <summary>The body an Idempotency-Key is bound to, compared as
/// JSON where it is JSON and byte for byte otherwise.</summary>
public sealed class IdempotencyHashTests
{
    private static string Hash(string body, string? contentType = "application/json; charset=utf-8") =>
        IdempotencyMiddleware.RequestHash(Encoding.UTF8.GetBytes(body), contentType);

    [TestCase(
        "{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"好\"}}",
        "{ \"b\" : { \"d\" : \"\\u597d\", \"c\" : [ 1, 2 ] }, \"a\" : 1 }"
    )]
    [TestCase("[{\"x\":null,\"y\":true}]", "[\n  {\"y\": true, \"x\": null}\n]")]
    public void The_same_json_written_another_way_has_the_same_hash(string first, string second) =>
        Assert.That(Hash(second), Is.EqualTo(Hash(first)));

    [TestCase("{\"a\":[1,2]}", "{\"a\":[2,1]}")]
    [TestCase("{\"a\":1}", "{\"a\":\"1\"}")]
    [TestCase("{\"a\":1}", "{\"A\":1}")]
    [TestCase("{\"a\":1.0}", "{\"a\":1}")]
    public void Other_json_has_another_hash(string first, string second) =>
        Assert.That(Hash(second), Is.Not.EqualTo(Hash(first)));

    [Test]
    public void A_body_that_is_not_json_is_compared_byte_for_byte()
    {
        Assert.That(Hash("{\"a\":1, \"b\":2}", "text/plain"), Is.Not.EqualTo(Hash("{\"b\":2,\"a\":1}", "text/plain")));
        Assert.That(Hash("{not json"), Is.EqualTo(Hash("{not json")));
        Assert.That(Hash("{not json"), Is.Not.EqualTo(Hash("{not  json")));
    }
}
