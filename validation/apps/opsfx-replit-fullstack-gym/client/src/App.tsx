import { Switch, Route } from "wouter";
import Sessions from "./pages/Sessions";
import Members from "./pages/Members";

export default function App() {
  return (
    <Switch>
      <Route path="/" component={Sessions} />
      <Route path="/members" component={Members} />
    </Switch>
  );
}
