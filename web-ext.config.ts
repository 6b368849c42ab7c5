import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode would launch a browser, which crashes as root/headless on these machines.
export default defineWebExtConfig({ disabled: true });
