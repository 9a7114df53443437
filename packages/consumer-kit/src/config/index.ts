// Settings and AWS client settings alone: nothing here imports the SDK or core's schemas, so the lightest
// bundles (the webhooks) can read their configuration without loading a client they never use.
export { AWS_CLIENT_SETTINGS, isConditionFailure } from '../aws/client-settings';
export { type Env, listSetting, requiredSetting, type WholeNumberBounds, wholeNumberSetting } from './settings';
