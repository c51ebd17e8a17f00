namespace ResponseMonitor.Domain.Critics;

/// <summary>The cue lists the monitor ships for English, Spanish and German. Authored for this project; MIT like the rest.</summary>
public static class BuiltInLexicons
{
    public static IReadOnlyList<CueLexicon> All { get; } = [English(), Spanish(), German()];

    private static HashSet<string> Set(string words) =>
        new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static CueLexicon English() => new(
        "en",
        Set("the a an and is are was were to of for in on my your you i it this that with have has not no why what when how we me our please do does did can"),
        ["still waiting", "no answer", "no response", "no reply", "never again", "customer service", "not working", "doesn't work",
         "does not work", "didn't work", "want my money back", "money back", "waste of", "on hold", "been waiting", "nobody answers",
         "no one answers", "nobody replies", "fix this", "what a joke", "not happy", "not acceptable", "shame on you", "hours later",
         "days later", "lost my", "charged twice", "not received", "never arrived", "still broken", "cancel my", "worst experience", "thanks for nothing"],
        Set("refund refunds cancelled canceled cancellation broken worst terrible awful horrible useless unacceptable scam fraud ripoff rip-off "
            + "disgrace disgraceful pathetic ridiculous incompetent complaint complain complaining delayed delay lost stuck stranded ignored ignoring "
            + "rude overcharged fail failed failure outage crashed crash defective faulty disappointing disappointed furious"),
        Set("bad poor annoying angry upset sad wrong problem problems issue issues error slow worse hate hated sucks suck mess nightmare frustrated "
            + "frustrating unhappy wait waiting waited late cannot can't won't never"),
        Set("thanks thank great love loved awesome amazing excellent perfect good nice happy helpful best wonderful fantastic appreciate glad quick fast kind"),
        Set("not no never don't doesn't didn't isn't wasn't aren't won't can't cannot nothing nobody"),
        Set("very so really extremely totally absolutely completely super incredibly"));

    private static CueLexicon Spanish() => new(
        "es",
        Set("el la los las de que y en un una es por para con no mi su lo al del se me te pero porque como ya muy esta este hay nos"),
        ["sin respuesta", "nadie responde", "nadie contesta", "no funciona", "no me devuelven", "mi dinero", "atencion al cliente",
         "servicio al cliente", "nunca mas", "todavia espero", "sigo esperando", "llevo esperando", "me cobraron", "no llego", "no ha llegado",
         "que verguenza", "una verguenza", "no contestan", "no responden", "horas esperando", "dias esperando", "gracias por nada"],
        Set("reembolso devolucion cancelado cancelada cancelaron cancelacion roto rota estafa fraude pesimo pesima horrible terrible vergonzoso "
            + "verguenza inaceptable inutil queja reclamacion reclamo retraso retrasado retrasada perdido perdida perdieron maleta ladrones robo "
            + "desastre indignante indignado incompetentes decepcionado decepcionada decepcion timo"),
        Set("mal malo mala peor problema problemas error lento lenta odio nunca espera esperando tarde harto harta enfadado enfadada triste caos"),
        Set("gracias genial excelente perfecto perfecta encanta bueno buena buen feliz amable rapido rapida mejor maravilloso increible fantastico"),
        Set("no nunca jamas ni tampoco nada nadie sin"),
        Set("muy tan super totalmente completamente realmente absolutamente demasiado"));

    private static CueLexicon German() => new(
        "de",
        Set("der die das und ist nicht ein eine ich sie es zu mit auf fur von den dem im wir mein meine bei auch noch schon wie was warum wann aber habe hat sind"),
        ["keine antwort", "keine reaktion", "warte immer noch", "warte seit", "funktioniert nicht", "geht nicht", "nie wieder",
         "mein geld", "geld zuruck", "kundenservice", "kundendienst", "niemand antwortet", "seit tagen", "seit stunden", "seit wochen",
         "nicht angekommen", "zweimal abgebucht", "nicht erreichbar", "unverschamtheit", "danke fur nichts"],
        Set("erstattung ruckerstattung storniert stornierung kaputt defekt schlimmste schrecklich furchtbar katastrophe katastrophal nutzlos "
            + "unverschamt inakzeptabel betrug abzocke beschwerde verspatung verspatet ausgefallen ausfall verloren frechheit skandal "
            + "enttauscht enttauschend entsetzt wutend armselig peinlich zumutung chaos"),
        Set("schlecht schlechter schlechteste problem probleme fehler langsam hasse nervig argerlich arger traurig falsch nie warten wartezeit spat leider"),
        Set("danke super toll klasse prima gut perfekt liebe freue hilfreich schnell freundlich beste wunderbar"),
        Set("nicht kein keine keinen keinem keiner nie niemals nichts niemand ohne"),
        Set("sehr so total absolut wirklich extrem echt voll komplett vollig"),
        NegationFollows: true);
}
