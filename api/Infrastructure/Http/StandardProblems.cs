using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Infrastructure.Http;

public static class StandardProblemsExtensions
{
    /// <summary>
    /// Documents the problems any route can answer with (429 rate limited, 500, 503 database unreachable or every
    /// turn taken and the queue for one full) on a whole route group.
    /// </summary>
    public static TBuilder WithStandardProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(
                StatusCodes.Status429TooManyRequests,
                typeof(ProblemDetails),
                ["application/problem+json"]
            ),
            new ProducesResponseTypeMetadata(
                StatusCodes.Status500InternalServerError,
                typeof(ProblemDetails),
                ["application/problem+json"]
            ),
            new ProducesResponseTypeMetadata(
                StatusCodes.Status503ServiceUnavailable,
                typeof(ProblemDetails),
                ["application/problem+json"]
            )
        );

    /// <summary>Documents what an If-Match update can answer
    /// besides success: 412 stale version, 428 no If-Match.</summary>
    public static RouteHandlerBuilder ProducesIfMatchProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
