'use strict';
// Runs AWS's own Cognito SRP client (amazon-cognito-identity-js: CognitoUser.authenticateUser with
// USER_SRP_AUTH, and its AuthenticationHelper) on fixed inputs, for SrpAgainstAwsClientTest.
// stdin: a JSON array of cases {userPoolId, clientId, username, password, smallA, srpB, salt, secretBlock,
// userIdForSrp, session, nowMillis}, hexadecimal numbers. stdout: a JSON array with, for each case, what the
// client computed (A, k, u, the HKDF key and its inputs) and what it sent (InitiateAuth's SRP_A and
// RespondToAuthChallenge's answer), or the error it refused the challenge with.
// Nothing goes over the network: the client's Cognito client is replaced by one that answers InitiateAuth with
// the case's PASSWORD_VERIFIER challenge and records the RespondToAuthChallenge request.
const {
    AuthenticationDetails, AuthenticationHelper, CognitoUser, CognitoUserPool,
} = require('amazon-cognito-identity-js');
const { currentCase, STOP, runCases } = require('./fixed-case');

// Records u and the key, which the client keeps to itself.
const passwordKey = AuthenticationHelper.prototype.getPasswordAuthenticationKey;
AuthenticationHelper.prototype.getPasswordAuthenticationKey = function recorded(username, password, b, salt, cb) {
    return passwordKey.call(this, username, password, b, salt, (err, hkdf) => {
        if (!err) {
            const { result } = currentCase();
            result.A = this.largeAValue.toString(16);
            result.k = this.k.toString(16);
            result.u = this.UValue.toString(16);
            result.hkdf = Buffer.from(hkdf).toString('hex');
        }
        cb(err, hkdf);
    });
};
const computehkdf = AuthenticationHelper.prototype.computehkdf;
AuthenticationHelper.prototype.computehkdf = function recorded(ikm, salt) {
    const { result } = currentCase();
    result.hkdfSecret = Buffer.from(ikm).toString('hex');
    result.hkdfSalt = Buffer.from(salt).toString('hex');
    return computehkdf.call(this, ikm, salt);
};

function run(testCase) {
    testCase.result = {};
    const pool = new CognitoUserPool({ UserPoolId: testCase.userPoolId, ClientId: testCase.clientId });
    pool.client = {
        request(operation, params, callback) {
            if (operation === 'InitiateAuth') {
                testCase.result.initiateAuth = params;
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
                testCase.result[operation === 'RespondToAuthChallenge' ? 'respondToAuthChallenge' : operation] = params;
                callback(STOP, null);
            }
        },
    };
    const user = new CognitoUser({ Username: testCase.username, Pool: pool });
    return new Promise(resolve => {
        const done = err => resolve(err === STOP ? testCase.result : { refused: String(err && err.message) });
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

runCases(run);
