// Continues a SAML sign-in: re-posts the identity provider's answer to our own Consume endpoint (see SsoPages.bounce).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('continue');
  if (form) { form.submit(); }
});
