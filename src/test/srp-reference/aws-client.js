'use strict';
// Runs AWS's own Cognito SRP client (amazon-cognito-identity-js: CognitoUser.authenticateUser with
// USER_SRP_AUTH, and its AuthenticationHelper) on fixed inputs, for SrpAgainstAwsClientTest.
// stdin: a JSON array of cases {userPoolId, clientId, username, password, smallA, srpB, salt, secretBlock,
// userIdForSrp, session, nowMillis}, hexadecimal numbers. stdout: a JSON array with, for each case, what the
// client computed (A, k, u, the HKDF key and its inputs) and what it sent (InitiateAuth's SRP_A and
// RespondToAuthChallenge's answer), or the error it refused the challenge with.
// Nothing goes over the network: the client's Cognito client is replaced by one that answers InitiateAuth with
// the case's PASSWORD_VERIFIER challenge and records the RespondToAuthChallenge request.
const fs = require('fs');
const {
    AuthenticationDetails, AuthenticationHelper, CognitoUser, CognitoUserPool,
} = require('amazon-cognito-identity-js');

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

// Records u and the key, which the client keeps to itself.
const passwordKey = AuthenticationHelper.prototype.getPasswordAuthenticationKey;
AuthenticationHelper.prototype.getPasswordAuthenticationKey = function recorded(username, password, b, salt, cb) {
    return passwordKey.call(this, username, password, b, salt, (err, hkdf) => {
        if (!err) {
            current.result.A = this.largeAValue.toString(16);
            current.result.k = this.k.toString(16);
            current.result.u = this.UValue.toString(16);
            current.result.hkdf = Buffer.from(hkdf).toString('hex');
        }
        cb(err, hkdf);
    });
};
const computehkdf = AuthenticationHelper.prototype.computehkdf;
AuthenticationHelper.prototype.computehkdf = function recorded(ikm, salt) {
    current.result.hkdfSecret = Buffer.from(ikm).toString('hex');
    current.result.hkdfSalt = Buffer.from(salt).toString('hex');
    return computehkdf.call(this, ikm, salt);
};

const STOP = new Error('recorded'); // ends the sign-in once its answer is recorded

function run(testCase) {
    current = testCase;
    current.result = {};
    const pool = new CognitoUserPool({ UserPoolId: testCase.userPoolId, ClientId: testCase.clientId });
    pool.client = {
        request(operation, params, callback) {
            if (operation === 'InitiateAuth') {
                current.result.initiateAuth = params;
                callback(null, {
                    ChallengeName: 'PASSWORD_VERIFIER',
                    Session: testCase.session,
                    ChallengeParameters: {
                        SALT: testCase.salt,
                        SECRET_BLOCK: testCase.secretBlock,
                        SRP_B: testCase.srpB,
                        USERNAME: testCase.userIdForSrp,
                        USER_ID_FOR_SRP: testCase.userIdForSrp,
                    },
                });
            } else {
                current.result[operation === 'RespondToAuthChallenge' ? 'respondToAuthChallenge' : operation] = params;
                callback(STOP, null);
            }
        },
    };
    const user = new CognitoUser({ Username: testCase.username, Pool: pool });
    return new Promise(resolve => {
        const done = err => resolve(err === STOP ? current.result : { refused: String(err && err.message) });
        try {
            user.authenticateUser(new AuthenticationDetails({
                Username: testCase.username, Password: testCase.password,
            }), {
                onSuccess: () => done(new Error('signed in without a Cognito')),
                onFailure: done,
            });
        } catch (err) { // the helper throws when it refuses B or u
            done(err);
        }
    });
}

(async () => {
    const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
    const results = [];
    for (const testCase of cases) {
        results.push(await run(testCase));
    }
    process.stdout.write(JSON.stringify(results));
})().catch(err => {
    process.stderr.write(String(err && err.stack ? err.stack : err));
    process.exit(1);
});
