'use strict';
// The project's serverless plugin, listed in every serverless.yml as "@genesys-events/serverless-config":
// it turns the functions' `subscribe` blocks into rules and dead-letter queues and their `access` blocks
// into least-privilege roles, gives every table the storage defaults (table-defaults.cjs), builds the stack's
// Powertools layer before the framework zips it, keeps the packaged template least-privileged and every
// non-webhook route behind an authorizer.

const { resolve } = require('node:path');
const AccessPlugin = require('./access.cjs');
const LeastPrivilegePlugin = require('./least-privilege.cjs');
const { buildPowertoolsLayer } = require('./powertools-layer.cjs');
const RouteAuthorizersPlugin = require('./route-authorizers.cjs');
const SubscriptionsPlugin = require('./subscriptions.cjs');
const { applyTableDefaults } = require('./table-defaults.cjs');

/** The layer powertools-layer.yml defines under this name in every serverless.yml. */
const POWERTOOLS_LAYER = 'powertools';

class GenesysEventsPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.leastPrivilege = new LeastPrivilegePlugin(serverless);
    this.routeAuthorizers = new RouteAuthorizersPlugin(serverless);
    this.subscriptions = new SubscriptionsPlugin(serverless);
    this.access = new AccessPlugin(serverless);
    this.hooks = {
      // Before packaging compiles the rules and before the local bus reads them.
      initialize: () => {
        this.subscriptions.expand();
        this.access.expand();
        applyTableDefaults(this.serverless.service.resources?.Resources);
      },
      // Layers are zipped in package:createDeploymentArtifacts, from the path the layer names.
      'before:package:createDeploymentArtifacts': () => this.buildLayer(),
      'before:package:compileLayers': () => this.packageWithoutCredentials(),
      'before:package:finalize': () => {
        this.leastPrivilege.check();
        this.routeAuthorizers.check();
      },
      'before:deploy:deploy': () => this.routeAuthorizers.checkIssuers(),
    };
  }

  async buildLayer() {
    // getLayer throws when the stack defines no such layer.
    const layer = this.serverless.service.getLayer(POWERTOOLS_LAYER);
    if (!layer.path) throw new Error(`serverless-config: the "${POWERTOOLS_LAYER}" layer has no path`);
    const { serviceDir } = this.serverless;
    await buildPowertoolsLayer({ layerDir: resolve(serviceDir, layer.path), resolveFrom: serviceDir });
  }

  /**
   * Packaging a stack with a layer asks CloudFormation for the last deployed layer's hash, to reuse its S3
   * object, so `serverless package` fails without AWS credentials (serverless/serverless#8187). That
   * lookup only saves an upload at deploy time: for the `package` command alone it is skipped, and the
   * packaged template names the new layer artifact. `deploy` keeps it.
   */
  packageWithoutCredentials() {
    if (this.serverless.processedInput?.commands?.[0] !== 'package') return;
    const compiler = this.serverless.pluginManager.plugins.find(
      (plugin) => plugin.constructor.name === 'AwsCompileLayers',
    );
    if (!compiler) throw new Error('serverless-config: the framework has no AwsCompileLayers plugin to adjust');
    compiler.compareWithLastLayer = async () => undefined;
  }
}

module.exports = GenesysEventsPlugin;
