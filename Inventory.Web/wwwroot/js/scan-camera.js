// "Scan with camera" on /scan: the vendored ZXing (wwwroot/lib/zxing, @zxing/browser 0.2.1 with @zxing/library inside)
// reads EAN-13, UPC-A, Code 128 and QR codes from the camera, fills the code box and submits it, as a scanner would.
// The button shows only where the browser has a camera API; everything else on the page works without it.
(function () {
    'use strict';

    var button = document.getElementById('scan-camera');
    if (!button || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.ZXingBrowser) {
        return;
    }
    var form = document.getElementById('scan-page-form');
    var input = document.getElementById('scan-page-code');
    var view = document.getElementById('scan-camera-view');
    var video = document.getElementById('scan-camera-video');
    var status = document.getElementById('scan-camera-status');
    var stopButton = document.getElementById('scan-camera-stop');
    var formats = ZXingBrowser.BarcodeFormat;
    var possibleFormats = 2; // DecodeHintType.POSSIBLE_FORMATS of @zxing/library (not exported by the browser bundle)
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
            form.requestSubmit();
        }).then(function (running) {
            controls = running;
        }).catch(function (error) {
            button.hidden = false;
            status.textContent = 'The camera could not start (' + (error && error.name ? error.name : 'error') + '): type or scan the code instead.';
        });
    });
    stopButton.addEventListener('click', stop);
}());
