// "Scan with camera" (/scan and every floor scan step): the vendored ZXing (wwwroot/lib/zxing, @zxing/browser 0.2.1
// with @zxing/library inside) reads EAN-13, UPC-A, Code 128 and QR codes from the camera, fills the code box the
// button names and submits its form through the form's default button, exactly as a scanner's Enter would.
// Markup: a button [data-scan-camera] with data-scan-camera-input (the box's id) and data-scan-camera-view (the id of
// the element holding a video [data-scan-camera-video], a status [data-scan-camera-status] and [data-scan-camera-stop]).
// The button shows only where the browser has a camera API; everything else on the page works without it.
(function () {
    'use strict';

    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.ZXingBrowser) {
        return;
    }
    var formats = ZXingBrowser.BarcodeFormat;
    var possibleFormats = 2; // DecodeHintType.POSSIBLE_FORMATS of @zxing/library (not exported by the browser bundle)

    function attach(button) {
        var input = document.getElementById(button.getAttribute('data-scan-camera-input'));
        var view = document.getElementById(button.getAttribute('data-scan-camera-view'));
        if (!input || !input.form || !view) {
            return;
        }
        var form = input.form;
        var video = view.querySelector('[data-scan-camera-video]');
        var status = view.querySelector('[data-scan-camera-status]');
        var stopButton = view.querySelector('[data-scan-camera-stop]');
        var controls = null;

        function stop() {
            if (controls) {
                controls.stop();
                controls = null;
            }
            view.hidden = true;
            button.hidden = false;
        }

        button.hidden = false;
        button.addEventListener('click', function () {
            var hints = new Map([[possibleFormats, [formats.EAN_13, formats.UPC_A, formats.CODE_128, formats.QR_CODE]]]);
            var reader = new ZXingBrowser.BrowserMultiFormatReader(hints);
            view.hidden = false;
            button.hidden = true;
            status.textContent = 'Hold the barcode in front of the camera.';
            reader.decodeFromConstraints({ video: { facingMode: 'environment' } }, video, function (result, error, running) {
                if (!result) {
                    return;
                }
                running.stop();
                controls = null;
                input.value = result.getText();
                status.textContent = 'Read ' + input.value + '.';
                if (navigator.vibrate) {
                    navigator.vibrate(100);
                }
                // The default button (the first submit button) carries the form's scan action (e.g. formaction).
                form.requestSubmit(form.querySelector('button[type=submit], input[type=submit]') || undefined);
            }).then(function (running) {
                controls = running;
            }).catch(function (error) {
                button.hidden = false;
                status.textContent = 'The camera could not start (' + (error && error.name ? error.name : 'error') + '): type or scan the code instead.';
            });
        });
        stopButton.addEventListener('click', stop);
    }

    document.querySelectorAll('[data-scan-camera]').forEach(attach);
}());
