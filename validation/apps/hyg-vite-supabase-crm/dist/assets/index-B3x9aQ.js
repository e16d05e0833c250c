(function(){const e=document.getElementById("root");e&&(e.textContent="Pipeline CRM")})();
