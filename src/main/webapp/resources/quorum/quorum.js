/*
 * Quorum's small fixes to the components it uses. Loaded at the end of the body, after PrimeFaces and its locale,
 * and before PrimeFaces builds its widgets.
 */
(function () {
    // PrimeFaces' Vietnamese locale names the page placeholder "{trang}", so screen readers heard "Trang {trang}"
    function fixLocales() {
        var vi = window.PrimeFaces && PrimeFaces.locales && PrimeFaces.locales.vi;
        if (vi && vi.aria) {
            vi.aria.pageLabel = 'Trang {page}';
        }
    }
    fixLocales();
    document.addEventListener('DOMContentLoaded', fixLocales);
})();

/* On paper nothing can be unfolded: a printed page shows what is folded away on screen (a roll-call, a detail). */
(function () {
    window.addEventListener('beforeprint', function () {
        document.querySelectorAll('details:not([open])').forEach(function (details) {
            details.setAttribute('open', '');
            details.setAttribute('data-q-opened-for-print', '');
        });
    });
    window.addEventListener('afterprint', function () {
        document.querySelectorAll('details[data-q-opened-for-print]').forEach(function (details) {
            details.removeAttribute('open');
            details.removeAttribute('data-q-opened-for-print');
        });
    });
})();

/*
 * Uploads: PrimeFaces checks a file's size and type in the browser before sending it, with the bundle's words
 * (the layout's #q-upload-messages, in the page's language), and a refused file is said where every other message
 * is, in the page's message area (a live region), as the server says it when a client skipped this check.
 */
(function () {
    var KEYS = {
        'primefaces.FileValidator.SIZE_LIMIT': 'sizeLimit',
        'primefaces.FileValidator.SIZE_LIMIT_detail': 'sizeLimitDetail',
        'primefaces.FileValidator.ALLOW_TYPES': 'allowTypes',
        'primefaces.FileValidator.ALLOW_TYPES_detail': 'allowTypesDetail',
        'primefaces.FileValidator.FILE_LIMIT': 'fileLimit',
        'primefaces.FileValidator.FILE_LIMIT_detail': 'fileLimitDetail'
    };

    function translate() {
        var source = document.getElementById('q-upload-messages');
        if (!source || !window.PrimeFaces || !PrimeFaces.getLocaleSettings) {
            return;
        }
        var locale = PrimeFaces.getLocaleSettings();
        locale.messages = locale.messages || {};
        Object.keys(KEYS).forEach(function (key) {
            var text = source.dataset[KEYS[key]];
            if (text) {
                locale.messages[key] = text;
            }
        });
    }

    /** Called by a p:fileUpload's onvalidationfailure: the refusal in the page's message area. */
    window.quorumUploadRefused = function (message) {
        var area = document.getElementById('messages');
        if (!area || !message) {
            return;
        }
        var list = document.createElement('ul');
        list.id = 'messages';
        list.className = 'q-messages';
        var item = document.createElement('li');
        item.className = 'q-error';
        item.textContent = message.summary;
        list.appendChild(item);
        area.replaceWith(list);
    };

    translate();
    document.addEventListener('DOMContentLoaded', translate);
})();
