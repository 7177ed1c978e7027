namespace Workers.ProviderSimulator.Tests.Imaging;

/// <summary>A fresh temporary directory per test, removed afterwards, so tests can run in parallel and twice in a row.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("imaging-tests-");

    /// <summary>Writes the bytes to a file of the given name in this folder and returns its path.</summary>
    public string Write(string fileName, byte[] bytes)
    {
        var path = Path.Combine(_directory.FullName, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
