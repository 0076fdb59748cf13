/* Faxgate admin panel: behaviour without inline scripts (the CSP allows only our own files and PrimeFaces' nonce). */
(function () {
    'use strict';
    function copy(button) {
        var source = document.getElementById(button.getAttribute('data-copy'));
        if (!source) { return; }
        var text = (source.value !== undefined ? source.value : source.textContent).trim();
        var done = function () {
            var label = button.textContent;
            button.textContent = 'Copied';
            button.setAttribute('aria-live', 'polite');
            setTimeout(function () { button.textContent = label; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, function () { select(source); });
        } else {
            select(source);
            try { document.execCommand('copy'); done(); } catch (e) { /* selected: the user can press Ctrl+C */ }
        }
    }
    function select(el) {
        var range = document.createRange();
        range.selectNodeContents(el);
        var s = window.getSelection();
        s.removeAllRanges();
        s.addRange(range);
    }
    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-copy]') : null;
        if (button) {
            event.preventDefault();
            copy(button);
        }
    });
})();
