// Mocha's settings under Stryker (stryker.config.mjs): those of .mocharc.json, with an 8-second timeout.
// Mocha reads a JavaScript config as CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
module.exports = { ...require("./.mocharc.json"), timeout: 8000 };
