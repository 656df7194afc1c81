using Jiceng.Modules.Organizations.Contracts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>
/// Documents the rule-set document as what it is: an object with one property per registered section, each with
/// its own schema, so generated clients (and the SPA's types) see every module's rules typed.
/// </summary>
internal sealed class RuleSetDocumentSchemaFilter(IEnumerable<IRuleSetSection> sections) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(RuleSetDocument) || schema is not OpenApiSchema concrete)
        {
            return;
        }
        concrete.Type = JsonSchemaType.Object;
        concrete.AdditionalProperties = null;
        concrete.AdditionalPropertiesAllowed = false;
        concrete.Description =
            "One section per module, under its key. A section left out keeps its defaults; fixed rules keep "
            + "their national values whatever is sent.";
        concrete.Properties = new Dictionary<string, IOpenApiSchema>();
        foreach (var section in sections.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            concrete.Properties[section.Key] = context.SchemaGenerator.GenerateSchema(
                section.Type,
                context.SchemaRepository
            );
        }
    }
}
