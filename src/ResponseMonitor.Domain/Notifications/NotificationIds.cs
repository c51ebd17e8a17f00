using System.Security.Cryptography;
using System.Text;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>Identities for notification rows.</summary>
public static class NotificationIds
{
    /// <summary>A short, key-safe digest of an identity that may contain any characters.</summary>
    public static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
