// Registers a passkey: the server's creation options (Cognito's, base64url fields in the WebAuthn JSON form) go to
// navigator.credentials.create, and the new credential goes back to the server in the same JSON form.
(function () {
    'use strict';
    const button = document.getElementById('register-passkey');
    const status = document.getElementById('passkey-status');
    const base = button.dataset.base;

    function fromBase64Url(text) {
        const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        const padded = base64 + '='.repeat((4 - base64.length % 4) % 4);
        return Uint8Array.from(atob(padded), c => c.charCodeAt(0));
    }

    function toBase64Url(buffer) {
        let binary = '';
        new Uint8Array(buffer).forEach(b => { binary += String.fromCharCode(b); });
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function creationOptions(json) {
        const options = Object.assign({}, json);
        options.challenge = fromBase64Url(json.challenge);
        options.user = Object.assign({}, json.user, {id: fromBase64Url(json.user.id)});
        options.excludeCredentials = (json.excludeCredentials || [])
            .map(c => Object.assign({}, c, {id: fromBase64Url(c.id)}));
        return options;
    }

    function credentialJson(credential) {
        const response = credential.response;
        return {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment,
            clientExtensionResults: credential.getClientExtensionResults(),
            response: {
                clientDataJSON: toBase64Url(response.clientDataJSON),
                attestationObject: toBase64Url(response.attestationObject),
                transports: response.getTransports ? response.getTransports() : []
            }
        };
    }

    async function refusal(response) {
        const body = await response.json().catch(() => ({}));
        return new Error(body.message || ('HTTP ' + response.status));
    }

    button.addEventListener('click', async () => {
        button.disabled = true;
        status.textContent = 'Waiting for your authenticator...';
        try {
            const start = await fetch(base + '/api/passkeys/options', {method: 'POST', headers: {Accept: 'application/json'}});
            if (!start.ok) {
                throw await refusal(start);
            }
            const credential = await navigator.credentials.create({publicKey: creationOptions(await start.json())});
            const done = await fetch(base + '/api/passkeys', {
                method: 'POST',
                headers: {'Content-Type': 'application/json', Accept: 'application/json'},
                body: JSON.stringify(credentialJson(credential))
            });
            if (!done.ok) {
                throw await refusal(done);
            }
            location.assign(base + '/passkeys?notice=passkey-added');
        } catch (e) {
            status.textContent = 'The passkey was not registered: ' + e.message;
            button.disabled = false;
        }
    });
})();
