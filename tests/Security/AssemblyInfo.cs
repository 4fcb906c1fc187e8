using ConsentPlatform.TestSupport.Processes;
using Xunit;

// One running platform (five processes) for the whole suite.
[assembly: AssemblyFixture(typeof(PlatformProcesses))]
