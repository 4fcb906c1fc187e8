// One platform (three services, one virtual host) for the whole assembly. Sequential: the purge
// test moves the disclosure service's clock, which every other test would otherwise see.
[assembly: AssemblyFixture(typeof(Platform))]
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
