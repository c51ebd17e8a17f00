using System.Text;

namespace ResponseMonitor.Domain.Text;

/// <summary>How the detector and the exclusion rules see text: folded to plain lower case, then cut into words.</summary>
internal static class TextFolding
{
    /// <summary>
    /// Lower case, accents removed (ü → u, ñ → n), ß → ss, curly apostrophes straightened. By table, not by Unicode
    /// decomposition: the app runs with invariant globalization, where normalisation leaves non-ASCII letters alone.
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'à' or 'á' or 'â' or 'ã' or 'ä' or 'å': builder.Append('a'); break;
                case 'ç': builder.Append('c'); break;
                case 'è' or 'é' or 'ê' or 'ë': builder.Append('e'); break;
                case 'ì' or 'í' or 'î' or 'ï': builder.Append('i'); break;
                case 'ñ': builder.Append('n'); break;
                case 'ò' or 'ó' or 'ô' or 'õ' or 'ö': builder.Append('o'); break;
                case 'ù' or 'ú' or 'û' or 'ü': builder.Append('u'); break;
                case 'ý' or 'ÿ': builder.Append('y'); break;
                case 'ß': builder.Append("ss"); break;
                case 'œ': builder.Append("oe"); break;
                case 'æ': builder.Append("ae"); break;
                case '’' or '`' or '´': builder.Append('\''); break;
                case var lower: builder.Append(lower); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Words of letters and digits; apostrophes join ("don't" → dont); @mentions and links are dropped; a hashtag keeps its word.</summary>
    public static List<string> Tokenize(string folded)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (c == '@' || (c == 'h' && folded.AsSpan(i).StartsWith("http", StringComparison.Ordinal)) || (c == 'w' && folded.AsSpan(i).StartsWith("www.", StringComparison.Ordinal)))
            {
                if (word.Length == 0)
                {
                    // Skip the mention or link to the next space.
                    while (i < folded.Length && !char.IsWhiteSpace(folded[i]))
                    {
                        i++;
                    }

                    continue;
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (c == '\'' && word.Length > 0)
            {
                // joined: don't → dont
            }
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }

            i++;
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }
}
