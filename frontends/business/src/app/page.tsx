import { redirect } from 'next/navigation';

/** The home page is the directory for now (every signed-in person may read it). */
export default function Home() {
  redirect('/hrms/employees');
}
