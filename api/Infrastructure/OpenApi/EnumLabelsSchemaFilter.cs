using System.Text.Json.Nodes;
using Jiceng.Infrastructure.Primitives;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Jiceng.Infrastructure.OpenApi;

/// <summary>
/// Gives every enumeration schema its values' Chinese and English labels (<see cref="LabelAttribute"/>): in
/// <c>x-enum-labels</c> (<c>{ "Committee": { "zh-CN": "党委", "en-US": "Party committee" } }</c>) for generated
/// clients, and in the description for people reading Swagger.
/// </summary>
internal sealed class EnumLabelsSchemaFilter : ISchemaFilter
{
    public const string Extension = "x-enum-labels";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (
            schema is not OpenApiSchema concrete
            || !context.Type.IsEnum
            || Labels.Of(context.Type) is not { Count: > 0 } labels
        )
        {
            return;
        }
        var node = new JsonObject();
        foreach (var (value, label) in labels)
        {
            node[value] = new JsonObject { ["zh-CN"] = label.Chinese, ["en-US"] = label.English };
        }
        concrete.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        concrete.Extensions[Extension] = new JsonNodeExtension(node);
        var lines = labels.Select(p => $"- `{p.Key}`: {p.Value.Chinese} / {p.Value.English}");
        concrete.Description = string.Join(
            "\n",
            new[] { concrete.Description }.Where(d => !string.IsNullOrEmpty(d)).Concat(lines)
        );
    }
}
