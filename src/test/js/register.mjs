// node --import ./register.mjs --test : maps @noble/* to the vendored copies (noble-hooks.mjs) before any test loads.
import { register } from 'node:module';

register('./noble-hooks.mjs', import.meta.url);
