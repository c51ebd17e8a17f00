using ResponseMonitor.App.Hosting;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Which host the program becomes, from what the Functions host passes when it starts its worker: the switches the
/// worker maps in azure-functions-dotnet-worker, src/DotNetWorker/Hosting/WorkerHostBuilderExtensions.cs
/// (RegisterCommandLine), and the key src/DotNetWorker.Grpc/GrpcServiceCollectionExtensions.cs reads.
/// </summary>
public sealed class HostDetectionTests
{
    [Theory]
    [InlineData("--host 127.0.0.1 --port 50051 --workerId w1 --requestId r1 --grpcMaxMessageLength 2147483647 --functions-uri http://127.0.0.1:50051/ --functions-worker-id w1", true)]
    [InlineData("--functions-uri=http://127.0.0.1:50051/", true)]
    [InlineData("--workerId w1", true)]
    [InlineData("", false)]
    [InlineData("--urls=http://127.0.0.1:7071 --Api:Key=0123456789abcdef", false)]
    public void The_functions_host_arguments_select_the_worker(string args, bool worker) =>
        Assert.Equal(worker, FunctionsHostDetection.IsFunctionsWorker(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), _ => null));

    [Fact]
    public void The_host_endpoint_in_the_environment_selects_the_worker_too() =>
        Assert.True(FunctionsHostDetection.IsFunctionsWorker([], name => name == "Functions__Worker__HostEndpoint" ? "http://127.0.0.1:50051/" : null));
}
