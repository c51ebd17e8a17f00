using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Hosting;

namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>
/// The program as the isolated worker (WorkerHost.Create, as Program runs it under the Functions host), built but not
/// connected to a host: tests call its [Function] methods the way the worker's generated executor does, with the
/// worker's own types, over the same Azurite prefix as a <see cref="TestApp"/>.
/// </summary>
public sealed class WorkerApp : IDisposable
{
    private WorkerApp(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public static WorkerApp Create(IDictionary<string, string?>? settings, string prefix, FakeTimeProvider? time = null, string? storage = null) =>
        new(WorkerHost.Create(TestApp.Arguments(settings, prefix, storage), services =>
        {
            if (time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(time);
            }
        }));

    /// <summary>The method carrying [Function(name)], and an instance of its class made as the worker makes it.</summary>
    public (object Instance, MethodInfo Method) Function(string name)
    {
        var method = typeof(WorkerHost).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .SingleOrDefault(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name)
            ?? throw new InvalidOperationException($"No [Function(\"{name}\")] method.");
        return (ActivatorUtilities.CreateInstance(Services, method.DeclaringType!), method);
    }

    /// <summary>
    /// Invokes an HTTP function as the ASP.NET Core integration does: the trigger gets the HttpRequest, route
    /// parameters bind to the function's parameters by name, and the returned IResult is executed on the HttpContext.
    /// </summary>
    public async Task<(int Status, string Body, string? ContentType)> InvokeHttpAsync(
        string name,
        string method,
        string path,
        IReadOnlyDictionary<string, string>? route = null,
        string? body = null,
        string contentType = "application/json",
        IDictionary<string, string>? headers = null)
    {
        var (instance, function) = Function(name);
        using var scope = Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var query = path.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("monitor.azurewebsites.net");
        context.Request.Path = "/api/" + (query < 0 ? path : path[..query]);
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[key] = value;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        var response = new MemoryStream();
        context.Response.Body = response;
        var args = function.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest)
            ? context.Request
            : (object?)(route ?? new Dictionary<string, string>())[p.Name!]).ToArray();
        var result = (IResult)function.Invoke(instance, args)!;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()), context.Response.ContentType);
    }

    public void Dispose() => Host.Dispose();
}
