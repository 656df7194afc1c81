using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.ChangePassword;
using Jiceng.Modules.Accounts.CreateApiClient;
using Jiceng.Modules.Accounts.CreateUser;
using Jiceng.Modules.Accounts.Domain;
using Jiceng.Modules.Accounts.GetCurrentUser;
using Jiceng.Modules.Accounts.ListApiClients;
using Jiceng.Modules.Accounts.ListAuditLog;
using Jiceng.Modules.Accounts.ListUsers;
using Jiceng.Modules.Accounts.RevokeApiClient;
using Jiceng.Modules.Accounts.SignIn;
using Jiceng.Modules.Accounts.SignOut;
using Jiceng.Modules.Accounts.UpdateUser;
using Microsoft.AspNetCore.Identity;

namespace Jiceng.Modules.Accounts;

/// <summary>Users and sign-in, API clients for other systems, and the audit log.</summary>
public static class AccountsModule
{
    /// <summary>
    /// The tables this module owns (each table has one owner): only its own SQL names them, and another module
    /// reads them through its Contracts. An architecture test checks every constant statement against this list.
    /// </summary>
    internal static readonly IReadOnlyList<string> Tables =
    [
        "users",
        "api_clients",
        "user_sessions",
        "sign_in_failures",
    ];

    public static IServiceCollection AddAccountsModule(this IServiceCollection services)
    {
        // Scoped: they read through the request's session, the one connection every request uses.
        services.AddScoped<ISessionValidator, SessionValidator>();
        services.AddScoped<IApiKeyValidator, ApiKeyValidator>();
        services.AddScoped<Grants>();
        services.AddSingleton<IPasswordHasher<UserRow>, PasswordHasher<UserRow>>();
        services.AddSingleton<IModuleInitializer, AccountsInitializer>();
        services.AddSingleton<IDemoSeeder, AccountsDemoSeeder>();
        services.AddScoped<Contracts.IUserDirectory, UserDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountsModule(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Sign-in").WithStandardProblems();
        SignInEndpoint.Map(auth);
        SignOutEndpoint.Map(auth);
        GetCurrentUserEndpoint.Map(auth);
        ChangePasswordEndpoint.Map(auth);

        var users = app.MapGroup("/api/v1/users").WithTags("Users").WithStandardProblems();
        ListUsersEndpoint.Map(users);
        CreateUserEndpoint.Map(users);
        UpdateUserEndpoint.Map(users);

        var clients = app.MapGroup("/api/v1/api-clients").WithTags("API clients").WithStandardProblems();
        ListApiClientsEndpoint.Map(clients);
        CreateApiClientEndpoint.Map(clients);
        RevokeApiClientEndpoint.Map(clients);

        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit log").WithStandardProblems();
        ListAuditLogEndpoint.Map(audit);
        return app;
    }
}
