namespace ConsentPlatform.TestSupport.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The checkout's root: the nearest folder above the test binaries holding the solution.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConsentPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ConsentPlatform.sln was not found above " + AppContext.BaseDirectory);
    }
}
