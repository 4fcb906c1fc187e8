// One platform for the suite; faults run one after another (each breaks something shared).
[assembly: AssemblyFixture(typeof(FaultPlatform))]
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
