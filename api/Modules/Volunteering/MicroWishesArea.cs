using Jiceng.Infrastructure.OpenApi;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.ClaimMicroWish;
using Jiceng.Modules.Volunteering.Domain;
using Jiceng.Modules.Volunteering.PlaceMicroWish;

namespace Jiceng.Modules.Volunteering;

/// <summary>
/// Micro-wishes (微心愿): the area's services and routes, called from <see cref="VolunteeringModule"/> so the area
/// adds two lines there rather than editing it throughout.
/// </summary>
internal static class MicroWishesArea
{
    public static IServiceCollection AddMicroWishes(this IServiceCollection services)
    {
        services.AddScoped<MicroWishSteps>();
        services.AddScoped<MicroWishHooks>();
        services.AddScoped<IOrganizationSubtreeMoveListener>(sp => sp.GetRequiredService<MicroWishHooks>());
        services.AddScoped<IWorkQueueContributor>(sp => sp.GetRequiredService<MicroWishHooks>());
        services.AddPublicWishWallRateLimit();
        services.Configure<SwaggerExamples>(examples =>
            examples
                .Add(
                    new PlaceMicroWishRequest(
                        Guid.Parse("0195a8e4-1c2d-7a3b-8c4d-5e6f70819202"),
                        WishKind.ChildLeftBehind,
                        "一套初中数学辅导书",
                        Money.FromFen(8000),
                        "王小明",
                        "13812345678",
                        null,
                        null
                    )
                )
                .Add(
                    new ClaimMicroWishRequest(
                        new MicroWishClaimant(
                            WishClaimantKind.Member,
                            Guid.Parse("0195a8e4-1c2d-7a3b-8c4d-5e6f70819203")
                        ),
                        null
                    )
                )
        );
        return services;
    }

    /// <summary>The staff routes under the module's group; the anonymous wall under /api/v1/public.</summary>
    public static void MapMicroWishes(RouteGroupBuilder volunteering, IEndpointRouteBuilder app)
    {
        PlaceMicroWishEndpoint.Map(volunteering);
        GetMicroWish.GetMicroWishEndpoint.Map(volunteering);
        ListMicroWishes.ListMicroWishesEndpoint.Map(volunteering);
        CountMicroWishes.CountMicroWishesEndpoint.Map(volunteering);
        ClaimMicroWishEndpoint.Map(volunteering);
        DeliverMicroWish.DeliverMicroWishEndpoint.Map(volunteering);
        ConfirmMicroWishReceipt.ConfirmMicroWishReceiptEndpoint.Map(volunteering);
        CancelMicroWish.CancelMicroWishEndpoint.Map(volunteering);
        RevealMicroWishData.RevealMicroWishDataEndpoint.Map(volunteering);
        var open = app.MapGroup("/api/v1/public").WithTags("Public");
        ListPublicWishes.ListPublicWishesEndpoint.Map(open);
    }
}
