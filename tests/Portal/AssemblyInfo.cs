// One running platform (six processes) and one browser for the whole suite.
[assembly: AssemblyFixture(typeof(PortalPlatform))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
// The browser stories share the platform and run one after another.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
