using System.Globalization;

namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// The sentences of warnings and notifications in the languages the monitor speaks (en, es, de, fr). A channel in any
/// other language gets English. Kept in code, not resources, so that tests and sinks see exactly one source.
/// </summary>
public static class WarningTexts
{
    /// <summary>The languages warnings are written in; others fall back to English.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "de", "fr"];

    /// <summary>The supported language closest to a channel's language (its primary subtag), English otherwise.</summary>
    public static string Normalize(string? language)
    {
        var code = (language ?? "").Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(code) ? code : "en";
    }

    /// <summary>The sentence for a condition, from its facts.</summary>
    public static string Message(string rule, WarningFacts f, string channelName, string language)
    {
        ArgumentNullException.ThrowIfNull(f);
        var lang = Normalize(language);
        var who = f.Who ?? "?";
        var excerpt = f.Excerpt ?? "";
        var elapsed = Duration(f.Elapsed ?? TimeSpan.Zero, lang);
        var threshold = Duration(f.Threshold ?? TimeSpan.Zero, lang);
        var left = Duration((f.Threshold ?? TimeSpan.Zero) - (f.Elapsed ?? TimeSpan.Zero), lang);
        var observed = Number(f.Observed);
        var mean = Number(f.Mean);
        var limit = Number(f.Limit);
        var k = Number(f.K);
        return (rule, lang, f.PreWarning) switch
        {
            (WarningRules.BrandSilent, "es", _) when f.NeverSpoke => $"La marca no ha publicado ni respondido en {channelName} desde que empezó la monitorización, hace {elapsed} (umbral {threshold}).",
            (WarningRules.BrandSilent, "es", _) => $"La marca no ha publicado ni respondido en {channelName} desde hace {elapsed} (umbral {threshold}).",
            (WarningRules.BrandSilent, "de", _) when f.NeverSpoke => $"Die Marke hat auf {channelName} seit Beginn der Beobachtung vor {elapsed} weder gepostet noch geantwortet (Schwelle {threshold}).",
            (WarningRules.BrandSilent, "de", _) => $"Die Marke hat auf {channelName} seit {elapsed} weder gepostet noch geantwortet (Schwelle {threshold}).",
            (WarningRules.BrandSilent, "fr", _) when f.NeverSpoke => $"La marque n'a ni publié ni répondu sur {channelName} depuis le début de la surveillance, il y a {elapsed} (seuil {threshold}).",
            (WarningRules.BrandSilent, "fr", _) => $"La marque n'a ni publié ni répondu sur {channelName} depuis {elapsed} (seuil {threshold}).",
            (WarningRules.BrandSilent, _, _) when f.NeverSpoke => $"The brand has not posted or replied on {channelName} since monitoring began {elapsed} ago (threshold {threshold}).",
            (WarningRules.BrandSilent, _, _) => $"The brand has not posted or replied on {channelName} for {elapsed} (threshold {threshold}).",

            (WarningRules.CriticIgnored, "es", true) => $"Un comentario crítico de {who} en {channelName} lleva {elapsed} esperando; superará el umbral de {threshold} en {left}: «{excerpt}»",
            (WarningRules.CriticIgnored, "es", false) => $"Un comentario crítico de {who} en {channelName} lleva {elapsed} esperando respuesta (umbral {threshold}): «{excerpt}»",
            (WarningRules.CriticIgnored, "de", true) => $"Ein kritischer Kommentar von {who} auf {channelName} wartet seit {elapsed}; die Schwelle von {threshold} ist in {left} erreicht: „{excerpt}“",
            (WarningRules.CriticIgnored, "de", false) => $"Ein kritischer Kommentar von {who} auf {channelName} wartet seit {elapsed} auf eine Antwort (Schwelle {threshold}): „{excerpt}“",
            (WarningRules.CriticIgnored, "fr", true) => $"Un commentaire critique de {who} sur {channelName} attend depuis {elapsed} ; le seuil de {threshold} sera dépassé dans {left} : « {excerpt} »",
            (WarningRules.CriticIgnored, "fr", false) => $"Un commentaire critique de {who} sur {channelName} attend une réponse depuis {elapsed} (seuil {threshold}) : « {excerpt} »",
            (WarningRules.CriticIgnored, _, true) => $"A critical comment by {who} on {channelName} has waited {elapsed}; it breaches the {threshold} threshold in {left}: \"{excerpt}\"",
            (WarningRules.CriticIgnored, _, false) => $"A critical comment by {who} on {channelName} has waited {elapsed} for an answer (threshold {threshold}): \"{excerpt}\"",

            (WarningRules.ResponseTargetBreached, "es", true) => $"Un comentario de {who} en {channelName} lleva {elapsed} sin primera respuesta; el objetivo de {threshold} se alcanza en {left}: «{excerpt}»",
            (WarningRules.ResponseTargetBreached, "es", false) => $"Un comentario de {who} en {channelName} lleva {elapsed} sin primera respuesta, por encima del objetivo de {threshold}: «{excerpt}»",
            (WarningRules.ResponseTargetBreached, "de", true) => $"Ein Kommentar von {who} auf {channelName} wartet seit {elapsed} auf eine erste Antwort; das Ziel von {threshold} ist in {left} erreicht: „{excerpt}“",
            (WarningRules.ResponseTargetBreached, "de", false) => $"Ein Kommentar von {who} auf {channelName} wartet seit {elapsed} auf eine erste Antwort, über dem Ziel von {threshold}: „{excerpt}“",
            (WarningRules.ResponseTargetBreached, "fr", true) => $"Un commentaire de {who} sur {channelName} attend une première réponse depuis {elapsed} ; l'objectif de {threshold} sera atteint dans {left} : « {excerpt} »",
            (WarningRules.ResponseTargetBreached, "fr", false) => $"Un commentaire de {who} sur {channelName} attend une première réponse depuis {elapsed}, au-delà de l'objectif de {threshold} : « {excerpt} »",
            (WarningRules.ResponseTargetBreached, _, true) => $"A comment by {who} on {channelName} has waited {elapsed} for a first response; the {threshold} target is reached in {left}: \"{excerpt}\"",
            (WarningRules.ResponseTargetBreached, _, false) => $"A comment by {who} on {channelName} has waited {elapsed} for a first response, beyond the {threshold} target: \"{excerpt}\"",

            (WarningRules.BacklogSpike, "es", _) => $"Hay {observed} comentarios esperando en {channelName}, por encima de lo habitual ({mean}; límite {limit} = media + {k}σ en 7 días).",
            (WarningRules.BacklogSpike, "de", _) => $"{observed} Kommentare warten auf {channelName}, mehr als üblich ({mean}; Grenze {limit} = Mittel + {k}σ über 7 Tage).",
            (WarningRules.BacklogSpike, "fr", _) => $"{observed} commentaires attendent sur {channelName}, au-dessus de l'habitude ({mean} ; limite {limit} = moyenne + {k}σ sur 7 jours).",
            (WarningRules.BacklogSpike, _, _) => $"{observed} comments are waiting on {channelName}, above its usual {mean} (limit {limit} = mean + {k}σ over 7 days).",

            (WarningRules.CriticismSpike, "es", _) => $"{observed} comentarios críticos nuevos en la última hora en {channelName}, por encima de lo habitual ({mean} por hora; límite {limit}).",
            (WarningRules.CriticismSpike, "de", _) => $"{observed} neue kritische Kommentare in der letzten Stunde auf {channelName}, mehr als üblich ({mean} pro Stunde; Grenze {limit}).",
            (WarningRules.CriticismSpike, "fr", _) => $"{observed} nouveaux commentaires critiques dans la dernière heure sur {channelName}, au-dessus de l'habitude ({mean} par heure ; limite {limit}).",
            (WarningRules.CriticismSpike, _, _) => $"{observed} new critical comments in the last hour on {channelName}, above its usual {mean} an hour (limit {limit}).",

            (WarningRules.CredentialsRejected, "es", _) => $"La plataforma rechaza las credenciales de {channelName}: el canal no se lee hasta que alguien las renueve ({f.Detail}).",
            (WarningRules.CredentialsRejected, "de", _) => $"Die Plattform weist die Zugangsdaten von {channelName} zurück: der Kanal wird nicht gelesen, bis jemand sie erneuert ({f.Detail}).",
            (WarningRules.CredentialsRejected, "fr", _) => $"La plateforme refuse les identifiants de {channelName} : le canal n'est plus lu tant que personne ne les renouvelle ({f.Detail}).",
            (WarningRules.CredentialsRejected, _, _) => $"The platform refuses the credentials of {channelName}: the channel is not read until someone renews them ({f.Detail}).",

            (WarningRules.CredentialsExpiring, "es", _) when f.Elapsed <= TimeSpan.Zero => $"Las credenciales de {channelName} caducaron el {Day(f.ExpiresAt)}; renuévelas para que el canal se siga leyendo ({f.Detail}).",
            (WarningRules.CredentialsExpiring, "es", _) => $"Las credenciales de {channelName} caducan el {Day(f.ExpiresAt)}, en {elapsed}; renuévelas antes para que el canal no quede ciego ({f.Detail}).",
            (WarningRules.CredentialsExpiring, "de", _) when f.Elapsed <= TimeSpan.Zero => $"Die Zugangsdaten von {channelName} sind am {Day(f.ExpiresAt)} abgelaufen; erneuern Sie sie, damit der Kanal weiter gelesen wird ({f.Detail}).",
            (WarningRules.CredentialsExpiring, "de", _) => $"Die Zugangsdaten von {channelName} laufen am {Day(f.ExpiresAt)} ab, in {elapsed}; erneuern Sie sie vorher, sonst ist der Kanal blind ({f.Detail}).",
            (WarningRules.CredentialsExpiring, "fr", _) when f.Elapsed <= TimeSpan.Zero => $"Les identifiants de {channelName} ont expiré le {Day(f.ExpiresAt)} ; renouvelez-les pour que le canal soit lu ({f.Detail}).",
            (WarningRules.CredentialsExpiring, "fr", _) => $"Les identifiants de {channelName} expirent le {Day(f.ExpiresAt)}, dans {elapsed} ; renouvelez-les avant que le canal ne devienne aveugle ({f.Detail}).",
            (WarningRules.CredentialsExpiring, _, _) when f.Elapsed <= TimeSpan.Zero => $"The credentials of {channelName} expired on {Day(f.ExpiresAt)}; renew them so the channel is read again ({f.Detail}).",
            (WarningRules.CredentialsExpiring, _, _) => $"The credentials of {channelName} expire on {Day(f.ExpiresAt)}, in {elapsed}; renew them before the channel goes blind ({f.Detail}).",

            (WarningRules.NotListening, _, _) => NotListening(f, channelName, lang, elapsed),

            _ => $"{rule} on {channelName}",
        };
    }

    /// <summary>"The brand posted 5 times in 7 days on … while 12 comments waited; the oldest has waited 4 d 0 h. …"</summary>
    private static string NotListening(WarningFacts f, string channel, string lang, string oldest)
    {
        var posts = f.Posts ?? 0;
        var waiting = f.Waiting ?? 0;
        var window = Days(f.Window ?? TimeSpan.Zero, lang);
        var lowRate = f.Received is > 0 && (double)(f.Answered ?? 0) / f.Received.Value < (f.RateThreshold ?? 0);
        var rate = f.Received is > 0 ? Percent((double)(f.Answered ?? 0) / f.Received.Value, lang) : "?";
        var threshold = Percent(f.RateThreshold ?? 0, lang);
        return (lang, f.PreWarning, lowRate) switch
        {
            ("es", true, _) => $"La marca publicó {Plural(posts, "vez", "veces")} en {window} en {channel} mientras {Plural(waiting, "comentario esperaba", "comentarios esperaban")} (el más antiguo, {oldest}); una publicación más sin responder y no estará escuchando.",
            ("es", false, true) => $"La marca publicó {Plural(posts, "vez", "veces")} en {window} en {channel} mientras {Plural(waiting, "comentario esperaba", "comentarios esperaban")}; el más antiguo lleva {oldest} esperando. Respondió {f.Answered} de los {f.Received} comentarios de ese periodo ({rate}, por debajo del {threshold}).",
            ("es", false, false) => $"La marca publicó {Plural(posts, "vez", "veces")} en {window} en {channel} mientras {Plural(waiting, "comentario esperaba", "comentarios esperaban")}; el más antiguo lleva {oldest} esperando. {Plural(f.WaitingBeforeLatestPost ?? 0, "ya esperaba", "ya esperaban")} cuando publicó por última vez.",
            ("de", true, _) => $"Die Marke hat in {window} {posts}-mal auf {channel} gepostet, während {Plural(waiting, "Kommentar wartete", "Kommentare warteten")} (der älteste seit {oldest}); ein weiterer Beitrag ohne Antwort, und sie hört nicht zu.",
            ("de", false, true) => $"Die Marke hat in {window} {posts}-mal auf {channel} gepostet, während {Plural(waiting, "Kommentar wartete", "Kommentare warteten")}; seit {oldest} wartet der älteste. Sie hat {f.Answered} von {f.Received} Kommentaren dieses Zeitraums beantwortet ({rate}, unter {threshold}).",
            ("de", false, false) => $"Die Marke hat in {window} {posts}-mal auf {channel} gepostet, während {Plural(waiting, "Kommentar wartete", "Kommentare warteten")}; seit {oldest} wartet der älteste. {Plural(f.WaitingBeforeLatestPost ?? 0, "davon wartete", "davon warteten")} schon vor ihrem letzten Beitrag.",
            ("fr", true, _) => $"La marque a publié {posts} fois en {window} sur {channel} pendant que {Plural(waiting, "commentaire attendait", "commentaires attendaient")} (le plus ancien depuis {oldest}) ; une publication de plus sans réponse et elle n'écoute plus.",
            ("fr", false, true) => $"La marque a publié {posts} fois en {window} sur {channel} pendant que {Plural(waiting, "commentaire attendait", "commentaires attendaient")} ; le plus ancien attend depuis {oldest}. Elle a répondu à {f.Answered} des {f.Received} commentaires de la période ({rate}, sous le seuil de {threshold}).",
            ("fr", false, false) => $"La marque a publié {posts} fois en {window} sur {channel} pendant que {Plural(waiting, "commentaire attendait", "commentaires attendaient")} ; le plus ancien attend depuis {oldest}. {Plural(f.WaitingBeforeLatestPost ?? 0, "attendait", "attendaient")} déjà lors de sa dernière publication.",
            (_, true, _) => $"The brand posted {Plural(posts, "time", "times")} in {window} on {channel} while {Plural(waiting, "comment waited", "comments waited")} (the oldest {oldest}); one more post without answering and it is not listening.",
            (_, false, true) => $"The brand posted {Plural(posts, "time", "times")} in {window} on {channel} while {Plural(waiting, "comment waited", "comments waited")}; the oldest has waited {oldest}. It answered {f.Answered} of the {f.Received} comments of that time ({rate}, below {threshold}).",
            _ => $"The brand posted {Plural(posts, "time", "times")} in {window} on {channel} while {Plural(waiting, "comment waited", "comments waited")}; the oldest has waited {oldest}. {Plural(f.WaitingBeforeLatestPost ?? 0, "of them was", "of them were")} already waiting when it last posted.",
        };
    }

    private static string Plural(int count, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    /// <summary>"7 days", "7 días", "7 Tagen", "7 jours"; a window of part days as a duration.</summary>
    private static string Days(TimeSpan span, string lang)
    {
        if (span.Ticks % TimeSpan.TicksPerDay != 0)
        {
            return Duration(span, lang);
        }

        var days = (int)span.TotalDays;
        return lang switch
        {
            "es" => Plural(days, "día", "días"),
            "de" => Plural(days, "Tag", "Tagen"),
            "fr" => Plural(days, "jour", "jours"),
            _ => Plural(days, "day", "days"),
        };
    }

    /// <summary>"25%" in English, "25 %" in Spanish, German and French.</summary>
    private static string Percent(double share, string lang) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100, 0)}{(lang == "en" ? "" : " ")}%");

    private static string Day(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>The words around a message: titles, labels, the link to the comment.</summary>
    public static string Label(string key, string language) => (key, Normalize(language)) switch
    {
        ("firing", "es") => "Aviso",
        ("firing", "de") => "Warnung",
        ("firing", "fr") => "Alerte",
        ("firing", _) => "Warning",
        ("reminder", "es") => "Recordatorio",
        ("reminder", "de") => "Erinnerung",
        ("reminder", "fr") => "Rappel",
        ("reminder", _) => "Reminder",
        ("escalated", "es") => "Agravado",
        ("escalated", "de") => "Verschärft",
        ("escalated", "fr") => "Aggravé",
        ("escalated", _) => "Escalated",
        ("resolved", "es") => "Resuelto",
        ("resolved", "de") => "Behoben",
        ("resolved", "fr") => "Résolu",
        ("resolved", _) => "Resolved",
        ("open", "es") => "Abrir el comentario",
        ("open", "de") => "Kommentar öffnen",
        ("open", "fr") => "Ouvrir le commentaire",
        ("open", _) => "Open the comment",
        ("since", "es") => "Desde",
        ("since", "de") => "Seit",
        ("since", "fr") => "Depuis",
        ("since", _) => "Since",
        ("channel", "es") => "Canal",
        ("channel", "de") => "Kanal",
        ("channel", "fr") => "Canal",
        ("channel", _) => "Channel",
        ("severity", "es") => "Gravedad",
        ("severity", "de") => "Schweregrad",
        ("severity", "fr") => "Gravité",
        ("severity", _) => "Severity",
        _ => key,
    };

    /// <summary>"ResponseMonitor: 3 warnings on Instagram" in the channel's language.</summary>
    public static string Title(int count, string channelName, string language) => (Normalize(language), count) switch
    {
        ("es", 1) => $"ResponseMonitor: 1 aviso en {channelName}",
        ("es", _) => $"ResponseMonitor: {count} avisos en {channelName}",
        ("de", 1) => $"ResponseMonitor: 1 Warnung auf {channelName}",
        ("de", _) => $"ResponseMonitor: {count} Warnungen auf {channelName}",
        ("fr", 1) => $"ResponseMonitor : 1 alerte sur {channelName}",
        ("fr", _) => $"ResponseMonitor : {count} alertes sur {channelName}",
        (_, 1) => $"ResponseMonitor: 1 warning on {channelName}",
        _ => $"ResponseMonitor: {count} warnings on {channelName}",
    };

    /// <summary>"3 d 4 h", "5 h 12 min", "42 min" with the language's units.</summary>
    public static string Duration(TimeSpan span, string language)
    {
        var (d, h, m) = Normalize(language) switch
        {
            "de" => ("T", "Std.", "Min."),
            "fr" => ("j", "h", "min"),
            _ => ("d", "h", "min"),
        };
        if (span.TotalDays >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} {d} {span.Hours} {h}");
        }

        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} {h} {span.Minutes} {m}")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)} {m}");
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "?";
}
