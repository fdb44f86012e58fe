'use strict';
// What aws-client.js and aws-device.js share: AWS's client made to run on one fixed case at a time (its random
// "a" and its clock come from the case), and the loop that reads the cases as a JSON array on stdin and writes the
// results as a JSON array on stdout.
const fs = require('fs');
const { AuthenticationHelper } = require('amazon-cognito-identity-js');

const BigInteger = new AuthenticationHelper('probe').N.constructor;
let current; // the case being run

// The fixed random "a" of the case (AWS draws 128 random bytes here).
AuthenticationHelper.prototype.generateRandomSmallA = function fixedSmallA() {
    return new BigInteger(current.smallA, 16);
};

// The fixed "now" of the case, for the TIMESTAMP that DateHelper writes with `new Date()`.
const RealDate = Date;
global.Date = class FixedDate extends RealDate {
    constructor(...args) {
        if (args.length === 0) {
            super(current ? current.nowMillis : RealDate.now());
        } else {
            super(...args);
        }
    }

    static now() {
        return current ? current.nowMillis : RealDate.now();
    }
};

// Thrown by a script's stand-in Cognito client to end a sign-in once its answer is recorded.
const STOP = new Error('recorded');

// Runs `run` (async, a case to its result) on each case of stdin, in order, and writes the results to stdout.
function runCases(run) {
    (async () => {
        const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
        const results = [];
        for (const testCase of cases) {
            current = testCase;
            results.push(await run(testCase));
        }
        process.stdout.write(JSON.stringify(results));
    })().catch(err => {
        process.stderr.write(String(err && err.stack ? err.stack : err));
        process.exit(1);
    });
}

module.exports = { currentCase: () => current, STOP, runCases };
