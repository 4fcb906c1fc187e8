// One running platform (five processes) for the whole suite.
[assembly: AssemblyFixture(typeof(PlatformProcesses))]
