import { useState, type FormEvent } from 'react';
import { api, type Business, type Schemas } from '../../api/client';
import { Status, useLoad } from '../../load';
import { deleted, Field, Outcome, problemOf, send, trimmed, type Problem } from './form';

type Category = Schemas['ResourceCategory'];
const CATEGORY_FIELDS = ['name', 'description'];
const placed = (path: string) => CATEGORY_FIELDS.includes(path);
const BY_CODE = { CATEGORY_EXISTS: 'name' };

/** Name and description of a category: to create one, or to change one. */
function CategoryForm({
  id,
  initial,
  submitLabel,
  save,
  onCancel,
}: {
  id: string;
  initial: { name: string; description: string };
  submitLabel: string;
  save: (draft: { name: string; description: string }) => Promise<Problem | null>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const refusal = await save({ name, description });
    setBusy(false);
    setProblem(refusal);
    if (!refusal && !onCancel) {
      setName('');
      setDescription('');
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <Field id={`${id}-name`} label="Name" error={problem?.fields.name}>
        {(props) => (
          <input
            {...props}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${id}-description`}
        label="Description (optional)"
        error={problem?.fields.description}
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Outcome problem={problem} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function CategoryItem({ category, onChanged }: { category: Category; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    const refusal = await deleted(
      api.DELETE('/api/resources/categories/{id}', { params: { path: { id: category.id } } }),
    );
    setBusy(false);
    if (refusal) setError(refusal);
    else onChanged();
  };

  if (editing) {
    return (
      <li className="card">
        <h3>Change {category.name}</h3>
        <CategoryForm
          id={`category-${category.id}`}
          initial={{ name: category.name, description: category.description ?? '' }}
          submitLabel="Save category"
          onCancel={() => setEditing(false)}
          save={async ({ name, description }) => {
            const answer = await send(
              api.PATCH('/api/resources/categories/{id}', {
                params: { path: { id: category.id } },
                body: { name: name.trim(), description: description.trim() || null },
              }),
            );
            if (!answer.data) return problemOf(answer.error, placed, BY_CODE);
            setEditing(false);
            onChanged();
            return null;
          }}
        />
      </li>
    );
  }
  return (
    <li className="card">
      <h3>{category.name}</h3>
      {category.description && <p>{category.description}</p>}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          aria-label={`Edit ${category.name}`}
          onClick={() => setEditing(true)}
        >
          Edit
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={`Delete ${category.name}`}
          disabled={busy}
          onClick={() => void remove()}
        >
          Delete
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          Could not delete {category.name}: {error}
        </p>
      )}
    </li>
  );
}

/** Categories group resources (a hotel's room types): customers can book "any room of a type". */
export function CategoriesScreen({ business }: { business: Business }) {
  const [categories, reload] = useLoad(business.id, () =>
    api.GET('/api/resources/categories', {
      params: { query: { businessId: business.id, limit: 100 } },
    }),
  );
  const [created, setCreated] = useState<string | null>(null);

  return (
    <>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Your categories</h2>
        <Status loaded={categories} what="the categories" />
        {categories.state === 'done' &&
          (categories.value.data.length === 0 ? (
            <p>No categories yet.</p>
          ) : (
            <ul className="cards">
              {categories.value.data.map((category) => (
                <CategoryItem key={category.id} category={category} onChanged={reload} />
              ))}
            </ul>
          ))}
      </section>
      <section aria-labelledby="new-category-heading">
        <h2 id="new-category-heading">Add a category</h2>
        <p className="muted">For example a room type: customers may book any free room of it.</p>
        <CategoryForm
          id="new-category"
          initial={{ name: '', description: '' }}
          submitLabel="Add category"
          save={async ({ name, description }) => {
            setCreated(null);
            const answer = await send(
              api.POST('/api/resources/categories', {
                body: { name: name.trim(), description: trimmed(description) },
              }),
            );
            if (!answer.data) return problemOf(answer.error, placed, BY_CODE);
            setCreated(`Category ${answer.data.data.name} added.`);
            reload();
            return null;
          }}
        />
        <Outcome done={created} />
      </section>
    </>
  );
}
