export function Header() {
  const user = JSON.parse(localStorage.getItem("currentUser") || "null");
  return <header>{user ? user.email : "Guest"}</header>;
}
