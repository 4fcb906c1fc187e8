// The identity tenants of the platform's production sign-in path, for the tests (issue 18):
// one instance of panva's oidc-provider (OpenID Certified) per tenant, each mounted at
// /<tenantId>/v2.0 on one loopback port, so that every issuer has Entra's shape
// (http://127.0.0.1:<port>/<tid>/v2.0) and the platform validates them exactly as it validates
// Entra's: Microsoft.Identity.Web with TenantId "organizations" and its AAD issuer validator,
// which checks each token's iss against the template served at /organizations/v2.0.
//
// The authorization-code flow with PKCE is real: /authorize, an interaction (a sign-in form that
// takes a login name of the tenant's accounts; consent is granted as an Entra administrator's
// admin consent would have been), /token. Access tokens are JWTs for the platform's audience
// carrying what an Entra access token carries: tid, oid, name, roles (app roles assigned in the
// tenant), ver 2.0, scp, and an org claim where the account has one (which the platform must not
// believe beyond its own tenant mapping).
//
// Usage: node provider.mjs <config.json>. Prints "listening <port>" once it accepts connections.
// Config: { port, audience, scope, accessTokenTtlSeconds, clients: [{clientId, redirectUris, postLogoutRedirectUris?}],
//           tenants: [{tenantId, accounts: {<login>: {name, roles: [...], org?}}}] }
import { readFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Koa from 'koa';
import mount from 'koa-mount';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const origin = `http://127.0.0.1:${config.port}`;
const issuerOf = (tenantId) => `${origin}/${tenantId}/v2.0`;

// One signing key for every tenant, as Entra signs every tenant's tokens with its common keys.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-oidc-1', use: 'sig', alg: 'RS256' };

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(tenantId, uid, error) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to ${escapeHtml(tenantId)}</title></head>
<body><main><h1>Sign in to ${escapeHtml(tenantId)}</h1>
${error ? `<p role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/${escapeHtml(tenantId)}/v2.0/interaction/${escapeHtml(uid)}/login">
<label for="login">Account</label> <input id="login" name="login" autocomplete="username" required>
<button type="submit" id="sign-in">Sign in</button></form></main></body></html>`;
}

async function readForm(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function tenantProvider(tenant) {
  const accounts = tenant.accounts ?? {};
  const provider = new Provider(issuerOf(tenant.tenantId), {
    clients: config.clients.map((c) => ({
      client_id: c.clientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
    })),
    jwks: { keys: [signingKey] },
    pkce: { required: () => true },
    ttl: { AccessToken: config.accessTokenTtlSeconds ?? 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    // tid in the ID token as Entra puts it there: the portal's issuer validation reads it (issue 18).
    claims: { openid: ['sub', 'tid'], profile: ['name'] },
    features: {
      devInteractions: { enabled: false },
      // Signing out at the provider from the portal: a plain confirmation form (the default one runs a script).
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head><body><main><h1>Sign out of ${escapeHtml(tenant.tenantId)}?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes" id="sign-out">Sign out</button></main></body></html>`;
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => config.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resourceIndicator) => {
          if (resourceIndicator !== config.audience) throw new Error(`unknown resource ${resourceIndicator}`);
          return { scope: config.scope, audience: config.audience, accessTokenFormat: 'jwt', accessTokenTTL: config.accessTokenTtlSeconds ?? 600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    findAccount: (ctx, sub) => (accounts[sub] ? { accountId: sub, claims: () => ({ sub, tid: tenant.tenantId, name: accounts[sub].name }) } : undefined),
    // What an Entra v2.0 access token carries; the platform maps tid, and must not believe org beyond it.
    extraTokenClaims: (ctx, token) => {
      const account = accounts[token.accountId];
      if (!account) return undefined;
      return {
        tid: tenant.tenantId,
        oid: token.accountId,
        name: account.name,
        roles: account.roles,
        ver: '2.0',
        ...(account.org ? { org: account.org } : {}),
      };
    },
    interactions: { url: (ctx, interaction) => `/${tenant.tenantId}/v2.0/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><title>Error</title></head><body><p id="error">${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? '')}</p></body></html>`;
    },
  });

  // The sign-in interaction: a form for the account's login name; consent is the administrator's.
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === 'login') {
      if (ctx.method === 'GET') {
        ctx.type = 'html';
        ctx.body = loginPage(tenant.tenantId, details.uid);
        return undefined;
      }

      const login = (await readForm(ctx)).get('login') ?? '';
      if (!accounts[login]) {
        ctx.status = 400;
        ctx.type = 'html';
        ctx.body = loginPage(tenant.tenantId, details.uid, `No account ${login} in ${tenant.tenantId}.`);
        return undefined;
      }

      return provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }

    if (details.prompt.name === 'consent') {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      return provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }

    ctx.status = 400;
    ctx.body = `unexpected prompt ${details.prompt.name}`;
    return undefined;
  });
  return provider;
}

const app = new Koa();
app.proxy = true;

// Entra's multi-tenant metadata: the issuer is a template the validator fills with each token's tid.
app.use(async (ctx, next) => {
  if (ctx.path !== '/organizations/v2.0/.well-known/openid-configuration') return next();
  const first = issuerOf(config.tenants[0].tenantId);
  ctx.body = {
    issuer: `${origin}/{tenantid}/v2.0`,
    jwks_uri: `${first}/jwks`,
    authorization_endpoint: `${first}/auth`,
    token_endpoint: `${first}/token`,
    end_session_endpoint: `${first}/session/end`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };
  return undefined;
});

for (const tenant of config.tenants) {
  app.use(mount(`/${tenant.tenantId}/v2.0`, tenantProvider(tenant)));
}

app.listen(config.port, '127.0.0.1', () => {
  console.log(`listening ${config.port}`);
});
