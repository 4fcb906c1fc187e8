// One running platform (five processes) for the whole suite: starting it costs seconds.
[assembly: AssemblyFixture(typeof(PlatformProcesses))]
// One collection: the story tests share the platform and run one after another.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
