using ConsentPlatform.Consent.IntegrationTests.Support;
using Xunit;

// One consent service (database, virtual host, test bus) for every class but the outage suite.
[assembly: AssemblyFixture(typeof(ConsentApi))]
