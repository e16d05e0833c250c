import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { supabase } from '@/integrations/supabase/client';

const FOOTER_HTML = '<p>&copy; Inkwell. All rights reserved.</p>';

export default function Post() {
  const { slug } = useParams();
  const [post, setPost] = useState<any>(null);
  const [comments, setComments] = useState<any[]>([]);

  useEffect(() => {
    supabase.from('posts').select('*').eq('slug', slug).single().then(({ data }) => setPost(data));
    supabase.from('comments').select('*').eq('post_slug', slug).then(({ data }) => setComments(data ?? []));
  }, [slug]);

  if (!post) return null;
  const safeBody = DOMPurify.sanitize(marked.parse(post.body) as string);

  return (
    <article>
      <h1>{post.title}</h1>
      {/* ok: G4.P3 */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: safeBody }} />
      {/* expect: G4.P3 */}
      <aside dangerouslySetInnerHTML={{ __html: post.author_bio }} />
      {comments.map((c) => (
        // ok: G4.P3
        <div key={c.id} dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(c.html) }} />
      ))}
      {/* ok: G4.P3 */}
      <footer dangerouslySetInnerHTML={{ __html: FOOTER_HTML }} />
    </article>
  );
}
