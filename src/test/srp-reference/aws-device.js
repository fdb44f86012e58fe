'use strict';
// Runs AWS's own Cognito client (amazon-cognito-identity-js) for a remembered device on fixed inputs, for
// DeviceSrpAgainstAwsClientTest: AuthenticationHelper.generateHashDevice (the verifier and salt that ConfirmDevice
// sends) and CognitoUser.getDeviceResponse (the DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER answers).
// stdin: a JSON array of cases {deviceGroupKey, deviceKey, password, username, smallA, srpB, salt, secretBlock,
// session, nowMillis}, hexadecimal numbers. stdout: a JSON array with, for each case, {saltDevices, verifierDevices}
// (hex, as the client sends them before Base64) and the two RespondToAuthChallenge requests it made.
// Nothing goes over the network: the user's Cognito client is replaced by one that answers DEVICE_SRP_AUTH with the
// case's DEVICE_PASSWORD_VERIFIER challenge and records the requests.
const { AuthenticationHelper, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');
const { currentCase, STOP, runCases } = require('./fixed-case');

AuthenticationHelper.prototype.generateRandomString = function fixedPassword() {
    return currentCase().password;
};

function verifier(testCase) {
    const helper = new AuthenticationHelper(testCase.deviceGroupKey);
    return new Promise((resolve, reject) => {
        helper.generateHashDevice(testCase.deviceGroupKey, testCase.deviceKey, err => {
            if (err) {
                reject(err);
            } else {
                resolve({ saltDevices: helper.getSaltDevices(), verifierDevices: helper.getVerifierDevices(),
                    randomPassword: helper.getRandomPassword() });
            }
        });
    });
}

function proof(testCase) {
    const pool = new CognitoUserPool({ UserPoolId: 'eu-west-1_AbC123', ClientId: '4f1client' });
    const requests = [];
    pool.client = {
        request(operation, params, callback) {
            requests.push(params);
            if (params.ChallengeName === 'DEVICE_SRP_AUTH') {
                callback(null, {
                    ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
                    Session: testCase.session,
                    ChallengeParameters: { SRP_B: testCase.srpB, SALT: testCase.salt,
                        SECRET_BLOCK: testCase.secretBlock, USERNAME: testCase.username },
                });
            } else {
                callback(STOP, null);
            }
        },
    };
    const user = new CognitoUser({ Username: testCase.username, Pool: pool });
    user.deviceKey = testCase.deviceKey;
    user.deviceGroupKey = testCase.deviceGroupKey;
    user.randomPassword = testCase.password;
    user.Session = 'device-session';
    return new Promise(resolve => {
        const done = err => resolve(err === STOP ? { requests } : { refused: String(err && err.message) });
        try {
            user.getDeviceResponse({ onSuccess: () => done(new Error('signed in without a Cognito')),
                onFailure: done });
        } catch (err) {
            done(err);
        }
    });
}

runCases(async testCase => Object.assign(await verifier(testCase), await proof(testCase)));
