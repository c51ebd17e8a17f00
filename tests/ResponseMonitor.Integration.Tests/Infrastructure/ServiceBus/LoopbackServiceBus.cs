using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;
using Microsoft.Azure.Amqp.Transport;

namespace ResponseMonitor.Integration.Tests.Infrastructure.ServiceBus;

/// <summary>
/// A Service Bus namespace on 127.0.0.1 that the real <c>Azure.Messaging.ServiceBus</c> client accepts, built on
/// Microsoft.Azure.Amqp (the AMQP 1.0 library the SDK itself runs on). It plays only what a sender needs, as the
/// development emulator does:
/// <list type="bullet">
/// <item>SASL <c>MSSBCBS</c> answered anonymously: the emulator connection string (<c>UseDevelopmentEmulator=true</c>)
/// opens plain AMQP on the endpoint's port and then proves its claim over CBS (azure-sdk-for-net
/// sdk/servicebus/Azure.Messaging.ServiceBus/src/Amqp/AmqpConnectionScope.cs, CreateAndOpenConnectionAsync).</item>
/// <item>The <c>$cbs</c> node: a put-token request on the link to <c>$cbs</c> is answered on the reply link with
/// <c>status-code</c> 202 and <c>correlation-id</c> = the request's <c>message-id</c> (AMQP Claims-Based Security
/// 1.0 draft, section "put-token"; Microsoft.Azure.Amqp's AmqpCbsLink reads exactly these).</item>
/// <item>Entity links: the sender attaches with the queue or topic as target address (<c>name</c> or <c>/name</c>).
/// A batch arrives as one transfer in message format 0x80013700 whose Data sections each hold one encoded message
/// (AmqpMessageConverter.BuildAmqpBatchFromMessages); it is unpacked here. A transfer is settled Accepted, or
/// Rejected with an AMQP error that the SDK maps to an exception (src/Amqp/AmqpExceptionHelper.cs).</item>
/// <item>Duplicate detection as the namespace does it when enabled: a message whose MessageId the entity already
/// holds is accepted and dropped (learn.microsoft.com/azure/service-bus-messaging/duplicate-detection).</item>
/// </list>
/// </summary>
public sealed class LoopbackServiceBus : IRuntimeProvider, IAsyncDisposable
{
    /// <summary>The AMQP message format of a Service Bus batch (Microsoft.Azure.Amqp AmqpConstants.AmqpBatchedMessageFormat).</summary>
    public const uint BatchedMessageFormat = 0x80013700;

    private const string CbsNode = "$cbs";
    private readonly ConcurrentDictionary<string, SendingAmqpLink> _cbsReplyLinks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Entity, string MessageId), bool> _seenIds = new();
    private readonly ConcurrentQueue<AmqpConnection> _connections = new();
    private readonly Queue<(string Condition, bool Store)> _refusals = new();
    private AmqpTransportListener? _listener;
    private long _deliveryTag;

    private LoopbackServiceBus(int port) => Port = port;

    public int Port { get; }

    /// <summary>What the emulator's documentation gives a client: the key is not checked, CBS accepts any token.</summary>
    public string ConnectionString => $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    /// <summary>Every message that reached an entity and was kept, in order.</summary>
    public ConcurrentQueue<BrokeredMessage> Stored { get; } = new();

    /// <summary>Every message the broker was offered, kept or refused or dropped as a duplicate.</summary>
    public ConcurrentQueue<BrokeredMessage> Offered { get; } = new();

    /// <summary>Transfers that arrived in the batched format.</summary>
    public int BatchedTransfers => _batched;

    /// <summary>put-token requests answered.</summary>
    public int TokensAccepted => _tokens;

    private int _batched;
    private int _tokens;

    public static LoopbackServiceBus Start()
    {
        // A free port: the AMQP listener is given a number, not 0.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var broker = new LoopbackServiceBus(port);
        var settings = new AmqpSettings { RuntimeProvider = broker };
        var version = new AmqpVersion(1, 0, 0);
        var sasl = new SaslTransportProvider();
        sasl.Versions.Add(version);
        sasl.AddHandler(new SaslAnonymousHandler("MSSBCBS"));
        sasl.AddHandler(new SaslAnonymousHandler());
        settings.TransportProviders.Add(sasl);
        var amqp = new AmqpTransportProvider();
        amqp.Versions.Add(version);
        settings.TransportProviders.Add(amqp);
        var tcp = new TcpTransportSettings { Host = "127.0.0.1", Port = port };
        broker._listener = new AmqpTransportListener([tcp.CreateListener()], settings);
        broker._listener.Listen(broker.OnAcceptTransport);
        return broker;
    }

    /// <summary>The next <paramref name="count"/> transfers are refused with <paramref name="condition"/>, as a full or disabled entity does.</summary>
    public void RefuseNext(int count, string condition = "amqp:resource-limit-exceeded")
    {
        lock (_refusals)
        {
            for (var i = 0; i < count; i++)
            {
                _refusals.Enqueue((condition, false));
            }
        }
    }

    /// <summary>The next transfer is stored but its outcome says refused: the sender cannot know it arrived (a lost acknowledgement).</summary>
    public void StoreButRefuseNext(string condition)
    {
        lock (_refusals)
        {
            _refusals.Enqueue((condition, true));
        }
    }

    /// <summary>Refusals not yet used up are dropped: the entity takes messages again.</summary>
    public void ClearRefusals()
    {
        lock (_refusals)
        {
            _refusals.Clear();
        }
    }

    public IReadOnlyList<BrokeredMessage> In(string entity) => Stored.Where(m => m.Entity == entity).ToList();

    private void OnAcceptTransport(TransportListener listener, TransportAsyncCallbackArgs args)
    {
        var connection = new AmqpConnection(args.Transport, (ProtocolHeader)args.UserToken, false, _listener!.AmqpSettings, new AmqpConnectionSettings
        {
            ContainerId = "loopback-servicebus",
            MaxFrameSize = 64 * 1024,
        });
        _connections.Enqueue(connection);
        connection.BeginOpen(AmqpConstants.DefaultTimeout, result =>
        {
            try
            {
                connection.EndOpen(result);
            }
            catch (Exception ex) when (ex is AmqpException or TimeoutException or IOException or OperationCanceledException)
            {
                connection.SafeClose(ex);
            }
        }, null);
    }

    public AmqpConnection CreateConnection(TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings, AmqpConnectionSettings connectionSettings) =>
        new(transport, protocolHeader, isInitiator, amqpSettings, connectionSettings);

    public AmqpSession CreateSession(AmqpConnection connection, AmqpSessionSettings settings) => new(connection, settings, this);

    public AmqpLink CreateLink(AmqpSession session, AmqpLinkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IsReceiver())
        {
            // The client sends on this link: give it credit, and tell it the Standard tier's 256 KB message limit.
            settings.MaxMessageSize = 256 * 1024;
            settings.TotalLinkCredit = 100;
            settings.AutoSendFlow = true;
            return new ReceivingAmqpLink(session, settings);
        }

        return new SendingAmqpLink(session, settings);
    }

    public IAsyncResult BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state)
    {
        ArgumentNullException.ThrowIfNull(link);
        var address = (link.IsReceiver ? ((Target)link.Settings.Target).Address : ((Source)link.Settings.Source).Address)?.ToString()
            ?? throw new AmqpException(AmqpErrorCode.InvalidField, "The link has no address.");
        var entity = address.TrimStart('/');
        if (entity == CbsNode)
        {
            if (link.IsReceiver)
            {
                var requests = (ReceivingAmqpLink)link;
                requests.RegisterMessageListener(request => OnPutToken(requests, request));
            }
            else
            {
                // The client's reply link: its target is the reply-to address of its requests.
                _cbsReplyLinks[((Target)link.Settings.Target).Address.ToString()!] = (SendingAmqpLink)link;
            }
        }
        else if (link.IsReceiver)
        {
            var sender = (ReceivingAmqpLink)link;
            sender.RegisterMessageListener(message => OnTransfer(sender, entity, message));
        }
        else
        {
            throw new AmqpException(AmqpErrorCode.NotImplemented, "This broker takes messages; it does not deliver them.");
        }

        return new CompletedOpen(callback, state);
    }

    public void EndOpenLink(IAsyncResult result)
    {
    }

    private void OnPutToken(ReceivingAmqpLink link, AmqpMessage request)
    {
        var operation = request.ApplicationProperties?.Map["operation"] as string;
        link.AcceptMessage(request, false);
        var replyTo = request.Properties.ReplyTo?.ToString();
        if (operation != "put-token" || replyTo is null || !_cbsReplyLinks.TryGetValue(replyTo, out var replies))
        {
            return;
        }

        var reply = AmqpMessage.Create();
        reply.Properties.CorrelationId = request.Properties.MessageId;
        reply.ApplicationProperties.Map["status-code"] = 202;
        reply.ApplicationProperties.Map["status-description"] = "Accepted";
        Interlocked.Increment(ref _tokens);
        replies.SendMessageNoWait(reply, NextTag(), AmqpConstants.NullBinary);
    }

    private void OnTransfer(ReceivingAmqpLink link, string entity, AmqpMessage transfer)
    {
        var messages = new List<BrokeredMessage>();
        if (transfer.MessageFormat == BatchedMessageFormat)
        {
            Interlocked.Increment(ref _batched);
            foreach (var data in transfer.DataBody)
            {
                using var inner = AmqpMessage.CreateAmqpStreamMessage(new BufferListStream([(ArraySegment<byte>)data.Value]));
                messages.Add(Read(entity, inner));
            }
        }
        else
        {
            messages.Add(Read(entity, transfer));
        }

        (string Condition, bool Store)? refusal = null;
        lock (_refusals)
        {
            if (_refusals.Count > 0)
            {
                refusal = _refusals.Dequeue();
            }
        }

        foreach (var message in messages)
        {
            Offered.Enqueue(message);
            if ((refusal is null || refusal.Value.Store) && (message.MessageId is null || _seenIds.TryAdd((entity, message.MessageId), true)))
            {
                Stored.Enqueue(message);
            }
        }

        if (refusal is { } r)
        {
            link.DisposeMessage(transfer, new Rejected { Error = new Error { Condition = r.Condition, Description = $"The loopback broker refused the transfer ({r.Condition})." } }, true, false);
        }
        else
        {
            link.AcceptMessage(transfer, false);
        }
    }

    private static BrokeredMessage Read(string entity, AmqpMessage message)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (message.ApplicationProperties is { } application)
        {
            foreach (var pair in application.Map)
            {
                properties[pair.Key.ToString()!] = pair.Value;
            }
        }

        using var body = new MemoryStream();
        foreach (var data in message.DataBody ?? [])
        {
            var segment = (ArraySegment<byte>)data.Value;
            body.Write(segment.Array!, segment.Offset, segment.Count);
        }

        return new BrokeredMessage(entity, message.Properties?.MessageId?.ToString(), message.Properties?.ContentType.Value, message.Properties?.Subject, properties, body.ToArray());
    }

    private ArraySegment<byte> NextTag() => new(BitConverter.GetBytes(Interlocked.Increment(ref _deliveryTag)));

    public ValueTask DisposeAsync()
    {
        _listener?.Close();
        while (_connections.TryDequeue(out var connection))
        {
            connection.SafeClose();
        }

        return ValueTask.CompletedTask;
    }
}
