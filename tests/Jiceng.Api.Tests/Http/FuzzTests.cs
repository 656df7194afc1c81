using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Http;

/// <summary>
/// Every POST and PUT route in the OpenAPI document (so new routes are covered without touching this
/// test) gets malformed JSON and random bodies shaped like its schema; none may answer 500.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class FuzzTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const int RandomBodiesPerRoute = 40;

    private static readonly string[] Malformed =
    [
        "",
        "{",
        "}",
        "[",
        "null",
        "true",
        "0",
        "-1",
        "\"x\"",
        "{\"a\":}",
        "{\"name\":\"\\ud800\"}",
        "{\"name\":\"a\\u0000b\"}",
        "1e99999",
        "{\"year\": 1e99999}",
        "{\"year\": 2147483648}",
        "{\"dueOn\": \"2026-02-30\"}",
        "{\"startsOn\": \"0000-00-00\"}",
        new string('[', 500) + new string(']', 500),
        "{\"reasons\": " + new string('[', 100) + new string(']', 100) + "}",
        "{\"name\": \"" + new string('党', 100_000) + "\"}",
        "\uFEFF{}",
        "{'single': 'quotes'}",
        "{\"a\":1,}",
        "{\"__proto__\": {}}",
    ];

    private static readonly string[] IfMatchValues =
    [
        "",
        "\"1\"",
        "\"2\"",
        "\"999999999999999999999\"",
        "W/\"1\"",
        "garbage",
        "*",
        "\"-1\"",
    ];

    [Test]
    public async Task No_post_or_put_route_answers_500_to_malformed_or_random_json()
    {
        var ids = await CreateTargets();
        var document = await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var failures = new List<string>();
        var sent = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put"))
            {
                var random = new Random(StableSeed(operation.Name + " " + path.Name));
                var bodySchema = BodySchema(operation.Value, schemas);
                var bodies = Malformed.Concat(
                    Enumerable
                        .Range(0, RandomBodiesPerRoute)
                        .Select(_ => RandomBody(bodySchema, schemas, random, ids)?.ToJsonString() ?? "null")
                );
                foreach (var body in bodies)
                {
                    var url = FillPath(path.Name, random, ids);
                    var method = operation.Name == "post" ? HttpMethod.Post : HttpMethod.Put;
                    var request = new HttpRequestMessage(method, url)
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    var ifMatch = IfMatchValues[random.Next(IfMatchValues.Length)];
                    if (ifMatch.Length > 0)
                    {
                        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                    }
                    var response = await Client.SendAsync(request);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        var snippet = body.Length > 200 ? body[..200] + "…" : body;
                        failures.Add(
                            $"{method} {url} ← {snippet} → {(int)response.StatusCode} "
                                + $"{await response.Content.ReadAsStringAsync()}"
                        );
                    }
                }
            }
        }

        Assert.That(sent, Is.GreaterThan(500), "the fuzzer reached the routes");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(10)));
    }

    /// <summary>
    /// Every route that reads a JSON body (sign-in included), with the body's charset spelt every way HTTP allows:
    /// a quoted or upper-case UTF-8 answers exactly as the plain one does, and any other charset is a 415 problem.
    /// </summary>
    [Test]
    public async Task Every_json_route_takes_a_quoted_utf8_charset_and_refuses_other_charsets_with_415()
    {
        var ids = await CreateTargets();
        var document = await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK);
        var failures = new List<string>();
        var routes = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (
                    !operation.Value.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out _)
                )
                {
                    continue;
                }
                routes++;
                var url = path.Name;
                foreach (var (name, id) in ids)
                {
                    url = url.Replace("{" + name + "}", id.ToString(), StringComparison.Ordinal);
                }
                url = url.Replace("{year}", "2025", StringComparison.Ordinal)
                    .Replace("{memberId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                async Task<(int Status, string Body)> Send(string contentType)
                {
                    var content = new StringContent("{}");
                    content.Headers.Remove("Content-Type");
                    content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    var request = new HttpRequestMessage(method, url) { Content = content };
                    request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                    var response = await Client.SendAsync(request);
                    return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
                }
                var plain = await Send("application/json; charset=utf-8");
                foreach (
                    var quoted in new[]
                    {
                        "application/json; charset=\"utf-8\"",
                        "application/json; charset=\"UTF-8\"",
                        "application/json;charset=UTF8",
                    }
                )
                {
                    var answer = await Send(quoted);
                    if (answer.Status != plain.Status)
                    {
                        failures.Add(
                            $"{method} {url} with {quoted} → {answer.Status} (plain: {plain.Status}) {answer.Body}"
                        );
                    }
                }
                foreach (
                    var unknown in new[]
                    {
                        "application/json; charset=utf-7",
                        "application/json; charset=bogus",
                        "application/json; charset=\"latin1\"",
                        "application/json; charset=",
                    }
                )
                {
                    var answer = await Send(unknown);
                    if (answer.Status != 415 || !answer.Body.Contains("\"status\":415", StringComparison.Ordinal))
                    {
                        failures.Add($"{method} {url} with {unknown} → {answer.Status} {answer.Body}");
                    }
                }
            }
        }

        Assert.That(routes, Is.GreaterThan(30), "the JSON routes were found");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(10)));
    }

    [Test]
    public async Task A_quoted_utf8_charset_signs_in_and_keeps_chinese_text()
    {
        var content = new StringContent(
            JsonSerializer.Serialize(new { username = "admin", password = ApiFactory.AdminPassword })
        );
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"UTF-8\"");
        using var client = Factory.CreateClient();
        var signIn = await client.PostAsync("/api/v1/auth/sign-in", content);
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await signIn.Content.ReadAsStringAsync());

        var name = Unique("鸡西市委");
        // Unescaped, so the Chinese travels as UTF-8 bytes the server must decode.
        var create = new StringContent(
            JsonSerializer.Serialize(
                new
                {
                    name,
                    kind = "Committee",
                    field = "Government",
                },
                new JsonSerializerOptions
                {
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                }
            )
        );
        create.Headers.Remove("Content-Type");
        create.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"utf-8\"");
        var created = await Json.Read(await client.PostAsync("/api/v1/organizations", create), HttpStatusCode.Created);
        Assert.That(created.Str("name"), Is.EqualTo(name));
    }

    private async Task<Dictionary<string, Guid>> CreateTargets()
    {
        var root = await CreateOrganization(Unique("鸡西市委"), kind: "Committee", field: "Government");
        var child = await CreateOrganization("虎林市委", root.Id(), "Committee", "Government");
        var rectification = await Json.Read(
            await Post(
                $"/api/v1/organizations/{child.Id()}/rectifications",
                new
                {
                    reasons = new[] { "组织生活不正常" },
                    plan = "整改",
                    responsiblePerson = "张三",
                    dueOn = "2026-12-01",
                }
            ),
            HttpStatusCode.Created
        );
        var pairing = await Json.Read(
            await Post(
                $"/api/v1/organizations/{child.Id()}/pairings",
                new
                {
                    partnerOrganizationId = root.Id(),
                    kind = "Partnership",
                    startsOn = "2026-01-01",
                }
            ),
            HttpStatusCode.Created
        );
        return new Dictionary<string, Guid>
        {
            ["id"] = child.Id(),
            ["root"] = root.Id(),
            ["rectificationId"] = rectification.Id(),
            ["pairingId"] = pairing.Id(),
        };
    }

    /// <summary>
    /// The same seed in every process (string hashes are randomized per process), so a failure found in CI comes
    /// back on the next run and on a developer's machine.
    /// </summary>
    private static int StableSeed(string route) =>
        route.Aggregate(17, (hash, character) => unchecked((hash * 31) + character)) & 0x7fffffff;

    private static string FillPath(string template, Random random, Dictionary<string, Guid> ids)
    {
        var url = template;
        foreach (var name in new[] { "id", "rectificationId", "pairingId" })
        {
            url = url.Replace(
                "{" + name + "}",
                random.Next(5) == 0 ? Guid.NewGuid().ToString() : ids[name].ToString(),
                StringComparison.Ordinal
            );
        }
        return url.Replace(
            "{year}",
            random.Next(3) switch
            {
                0 => "2025",
                1 => "1800",
                _ => "99999",
            },
            StringComparison.Ordinal
        );
    }

    private static JsonElement? BodySchema(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body))
        {
            return null;
        }
        var schema = body.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema");
        return Resolve(schema, schemas);
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!.Split('/').Last())
            : schema;

    private static JsonNode? RandomBody(
        JsonElement? schema,
        JsonElement schemas,
        Random random,
        Dictionary<string, Guid> ids
    ) => schema is { } s ? RandomValue(s, schemas, random, ids, depth: 0) : new JsonObject();

    /// <summary>A value that mostly fits the schema (so validation and handlers run) and sometimes does not.</summary>
    private static JsonNode? RandomValue(
        JsonElement schema,
        JsonElement schemas,
        Random random,
        Dictionary<string, Guid> ids,
        int depth
    )
    {
        schema = Resolve(schema, schemas);
        if (random.Next(8) == 0 || depth > 4)
        {
            return Chaos(random, ids);
        }
        if (schema.TryGetProperty("properties", out var properties))
        {
            var node = new JsonObject();
            foreach (var property in properties.EnumerateObject())
            {
                if (random.Next(6) != 0)
                {
                    node[property.Name] = RandomValue(property.Value, schemas, random, ids, depth + 1);
                }
            }
            return node;
        }
        var type = schema.TryGetProperty("type", out var t) ? t.ToString() : "";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        }
        return (type, format) switch
        {
            (var x, "uuid") when x.Contains("string") => random.Next(3) == 0
                ? Guid.NewGuid().ToString()
                : ids.Values.ElementAt(random.Next(ids.Count)).ToString(),
            (var x, "date") when x.Contains("string") => new DateOnly(
                random.Next(1, 10000),
                random.Next(1, 13),
                random.Next(1, 29)
            ).ToString("yyyy-MM-dd"),
            (var x, _) when x.Contains("integer") => random.Next(4) switch
            {
                0 => random.Next(-5, 5),
                1 => 2025,
                2 => int.MaxValue,
                _ => random.Next(),
            },
            (var x, _) when x.Contains("array") && schema.TryGetProperty("items", out var items) => new JsonArray(
                Enumerable
                    .Range(0, random.Next(0, 4))
                    .Select(_ => RandomValue(items, schemas, random, ids, depth + 1))
                    .ToArray()
            ),
            (var x, _) when x.Contains("boolean") => random.Next(2) == 0,
            _ => RandomString(random),
        };
    }

    private static JsonNode? Chaos(Random random, Dictionary<string, Guid> ids) =>
        random.Next(9) switch
        {
            0 => null,
            1 => RandomString(random),
            2 => random.NextDouble() * 1e12,
            3 => new JsonArray(1, "two", null),
            4 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = "x" } },
            5 => long.MinValue,
            6 => "2026-13-45",
            7 => ids.Values.First().ToString().ToUpperInvariant(),
            _ => true,
        };

    private static string RandomString(Random random) =>
        random.Next(6) switch
        {
            0 => "",
            1 => new string('党', random.Next(1, 3000)),
            2 => "'; DROP TABLE organizations; --",
            3 => "%_\\",
            4 => "\u0001\u200b\ud83d\ude00",
            _ => "好",
        };
}
