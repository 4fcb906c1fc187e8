// One consent service (database, virtual host, test bus) for every class but the outage suite.
[assembly: AssemblyFixture(typeof(ConsentApi))]
