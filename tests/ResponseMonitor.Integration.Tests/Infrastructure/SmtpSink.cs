using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>
/// A real SMTP server process (scripts/smtp-sink.mjs on the repo's pinned smtp-server) with STARTTLS on a fresh
/// self-signed certificate and AUTH required. Tests read what arrived over its HTTP side.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string User = "monitor";
    public const string Password = "smtp-test-password";

    private readonly Process _process;
    private readonly string _folder;
    private readonly HttpClient _http = new();

    private SmtpSink(Process process, string folder, int smtpPort, int httpPort, string fingerprint)
    {
        _process = process;
        _folder = folder;
        Port = smtpPort;
        CertificateSha256 = fingerprint;
        _http.BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public int Port { get; }

    /// <summary>The SHA-256 fingerprint of the server's certificate, for the sink to pin.</summary>
    public string CertificateSha256 { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("smtp-sink-").FullName;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());

        var process = Process.Start(new ProcessStartInfo("node", $"scripts/smtp-sink.mjs --key={folder}/key.pem --cert={folder}/cert.pem --user={User} --pass={Password}")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null)
        {
            throw new InvalidOperationException("The SMTP sink exited: " + await process.StandardError.ReadToEndAsync());
        }

        var ports = JsonNode.Parse(line)!;
        return new SmtpSink(process, folder, ports["smtp"]!.GetValue<int>(), ports["http"]!.GetValue<int>(), certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    public async Task<JsonArray> MessagesAsync() => JsonNode.Parse(await _http.GetStringAsync(new Uri("/messages", UriKind.Relative)))!.AsArray();

    /// <summary>Answers the next <paramref name="count"/> messages with 451, as a relay in trouble does.</summary>
    public async Task FailNextAsync(int count) =>
        (await _http.PostAsync(new Uri($"/fail?count={count}", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
